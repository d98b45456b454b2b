package com.rapport.community.moderation;

/**
 * What an audit log entry is about.
 *
 * @param type MEMBER, TOPIC, POST, CANNED_REPLY, CATEGORY, ... (upper case)
 * @param id the target's id, or null
 * @param label a readable name at the time (a username, a topic title), or null
 * @param subjectMemberId the member the entry concerns (the member sanctioned, the post's
 * author), redacted with that member's personal data; or null
 */
public record AuditTarget(String type, Long id, String label, Long subjectMemberId) {

	public static final String MEMBER = "MEMBER";

	public static final String TOPIC = "TOPIC";

	public static final String POST = "POST";

	public static final String CANNED_REPLY = "CANNED_REPLY";

	public static final String FOLLOW_UP = "FOLLOW_UP";

	public static AuditTarget member(long id, String username) {
		return new AuditTarget(MEMBER, id, username, id);
	}

	public static AuditTarget topic(long id, String title, Long authorId) {
		return new AuditTarget(TOPIC, id, title, authorId);
	}

	public static AuditTarget post(long id, String label, Long authorId) {
		return new AuditTarget(POST, id, label, authorId);
	}

	public static AuditTarget followUp(long id, String label, Long customerId) {
		return new AuditTarget(FOLLOW_UP, id, label, customerId);
	}

	public static AuditTarget cannedReply(long id, String title) {
		return new AuditTarget(CANNED_REPLY, id, title, null);
	}

}

package com.rapport.community.moderation;

/**
 * A topic as a moderator tool read it, under a row lock.
 *
 * @param id the topic
 * @param categoryId its category
 * @param authorId who started it
 * @param title its title
 * @param pinned whether it is pinned
 * @param pinnedGlobally whether on every list
 * @param closed whether replies are closed
 * @param archived whether it is archived
 */
record TopicState(long id, long categoryId, long authorId, String title, boolean pinned, boolean pinnedGlobally,
		boolean closed, boolean archived) {

	AuditTarget target() {
		return AuditTarget.topic(this.id, this.title, this.authorId);
	}

}

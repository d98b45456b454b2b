package com.rapport.community.moderation;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param id the entry, increasing with time
 * @param actorId who acted, or null for the system
 * @param actorUsername their username at the time, or null when redacted
 * @param action what was done, such as {@code topic.close}
 * @param targetType what kind of thing it was done to
 * @param targetId the thing's id, or null
 * @param targetLabel its name at the time, or null
 * @param reason why, as the moderator wrote it
 * @param before the text before an edit, or null
 * @param after the text after an edit, or null
 * @param createdAt when
 * @param redacted whether personal data was removed from it
 */
public record AuditEntry(long id, Long actorId, String actorUsername, String action, String targetType, Long targetId,
		String targetLabel, String reason, String before, String after, Instant createdAt, boolean redacted) {
}

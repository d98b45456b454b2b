package com.rapport.community.notification;

import java.time.Instant;

/**
 * One notification as shown to its member.
 *
 * @param id the id
 * @param kind why
 * @param actor who caused it (username), or null
 * @param topicId the topic concerned, or null
 * @param topicTitle its title
 * @param topicSlug its URL name
 * @param postNumber the post concerned, or null
 * @param count how many (grouped reactions), at least 1
 * @param createdAt when
 * @param read whether the member has seen it
 */
public record Notification(long id, NotificationKind kind, String actor, Long topicId, String topicTitle,
		String topicSlug, Integer postNumber, int count, Instant createdAt, boolean read) {
}

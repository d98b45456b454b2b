package com.rapport.community.notification;

import java.time.Instant;

/**
 * One notification as shown to its member.
 *
 * @param id the id
 * @param kind why
 * @param actor who caused it (username), or null
 * @param topicId the topic concerned, or null
 * @param topicTitle its title, or the subject of a notification that is not about a topic
 * @param topicSlug its URL name
 * @param postNumber the post concerned, or null
 * @param count how many (grouped reactions), at least 1
 * @param createdAt when
 * @param read whether the member has seen it
 * @param url where a notification that is not about a topic leads, or null
 * @param subject what a notification about a topic says beyond it (an idea's new status),
 * or null
 */
public record Notification(long id, NotificationKind kind, String actor, Long topicId, String topicTitle,
		String topicSlug, Integer postNumber, int count, Instant createdAt, boolean read, String url, String subject) {
}

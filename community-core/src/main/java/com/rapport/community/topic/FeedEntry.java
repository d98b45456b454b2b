package com.rapport.community.topic;

import java.time.Instant;

/**
 * A topic as an entry of a news feed.
 *
 * @param topicId the topic
 * @param slug its URL name
 * @param title its title
 * @param author who started it
 * @param categoryName its category
 * @param html the first post, rendered and sanitised
 * @param createdAt when it was started
 * @param updatedAt when it was last posted in
 */
public record FeedEntry(long topicId, String slug, String title, String author, String categoryName, String html,
		Instant createdAt, Instant updatedAt) {
}

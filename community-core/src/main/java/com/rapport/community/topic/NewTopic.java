package com.rapport.community.topic;

/**
 * A topic a member starts.
 *
 * @param categoryId where it goes
 * @param title the title
 * @param body the first post, in Markdown
 */
public record NewTopic(long categoryId, String title, String body) {
}

package com.rapport.community.moderation;

/**
 * A moderator hid a post directly (not through the review queue). Published in the
 * moderator's transaction so the decision can be recorded for the author to appeal.
 *
 * @param postId the post
 * @param topicId its topic
 * @param categoryId its category
 * @param authorId its author
 * @param moderatorId who hid it
 * @param reason the reason the author reads
 */
public record PostHiddenByModerator(long postId, long topicId, long categoryId, long authorId, long moderatorId,
		String reason) {
}

package com.rapport.community.topic;

/**
 * What happens to posts that other features react to: search indexing, notifications,
 * sentiment scoring, moderation.
 */
public final class PostEvents {

	private PostEvents() {
	}

	/**
	 * A post was published: the first post of a new topic, or a reply.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 * @param authorId who wrote it
	 * @param postNumber its place in the topic (1 for a new topic)
	 */
	public record PostPublished(long postId, long topicId, long authorId, int postNumber) {
	}

	/**
	 * A post's text or its topic's title changed.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 */
	public record PostEdited(long postId, long topicId) {
	}

	/**
	 * A post is no longer shown to readers (deleted or hidden); for the first post, the
	 * whole topic.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 */
	public record PostRemoved(long postId, long topicId) {
	}

	/**
	 * A removed post is shown again.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 */
	public record PostRestored(long postId, long topicId) {
	}

}

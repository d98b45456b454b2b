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
	 * A post's author deleted their account: it now shows under an anonymous name, and
	 * what is derived from it (the search index's author field) must follow.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 */
	public record PostAuthorAnonymised(long postId, long topicId) {
	}

	/**
	 * A removed post is shown again.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 */
	public record PostRestored(long postId, long topicId) {
	}

	/**
	 * A member reacted to someone's post.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 * @param postNumber its place in the topic
	 * @param authorId the post's author
	 * @param memberId who reacted
	 * @param reaction which reaction
	 */
	public record ReactionAdded(long postId, long topicId, int postNumber, long authorId, long memberId,
			String reaction) {
	}

	/**
	 * A reply was accepted as the answer of its topic.
	 *
	 * @param topicId the topic
	 * @param postNumber the accepted reply
	 * @param answerAuthorId who wrote it
	 * @param acceptedBy who accepted it
	 */
	public record AnswerAccepted(long topicId, int postNumber, long answerAuthorId, long acceptedBy) {
	}

	/**
	 * A post that waited for a moderator's approval was published (after its
	 * {@link PostPublished}); what was kept with it while it waited (a new topic's tags)
	 * can follow.
	 *
	 * @param queuedPostId the held post ({@code queued_post})
	 * @param postId the published post
	 * @param topicId its topic
	 * @param postNumber its place in the topic (1 for a new topic)
	 */
	public record HeldPostPublished(long queuedPostId, long postId, long topicId, int postNumber) {
	}

}

package com.rapport.community.topic;

/**
 * The post was not published but kept for a moderator to approve. Thrown by
 * {@link TopicService} after the post was queued; the transaction still commits.
 */
public class PostHeldForReview extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long queuedPostId;

	private final Long topicId;

	public PostHeldForReview(long queuedPostId, Long topicId) {
		super("Held for review: " + queuedPostId);
		this.queuedPostId = queuedPostId;
		this.topicId = topicId;
	}

	public long queuedPostId() {
		return this.queuedPostId;
	}

	/**
	 * @return the topic replied to, or null for a new topic
	 */
	public Long topicId() {
		return this.topicId;
	}

}

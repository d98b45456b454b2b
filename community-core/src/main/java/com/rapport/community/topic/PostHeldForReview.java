package com.rapport.community.topic;

/**
 * The post was not published but kept for a moderator to approve. Thrown by
 * {@link TopicService} (or {@link PostEditor}, for an edit) after the post was queued;
 * the transaction still commits.
 */
public class PostHeldForReview extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long queuedPostId;

	private final Long topicId;

	private final boolean edit;

	public PostHeldForReview(long queuedPostId, Long topicId) {
		this(queuedPostId, topicId, false);
	}

	public PostHeldForReview(long queuedPostId, Long topicId, boolean edit) {
		super("Held for review: " + queuedPostId);
		this.queuedPostId = queuedPostId;
		this.topicId = topicId;
		this.edit = edit;
	}

	/**
	 * @return whether an edit of a published post was held (the post keeps its text)
	 */
	public boolean edit() {
		return this.edit;
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

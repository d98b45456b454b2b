package com.rapport.community;

/**
 * Moderation settings for tests that are not about moderation: members made by tests are
 * new (trust level 0) and post quickly, which the production defaults would hold for
 * approval or refuse. Tests about moderation set the values they need in the database.
 */
public final class ReviewDefaults {

	public static final String APPROVALS = "rapport.review.new-member-approvals=0";

	public static final String POSTS = "rapport.review.posts-per-minute=10000";

	public static final String NEW_POSTS = "rapport.review.new-member-posts-per-minute=10000";

	public static final String TOPICS = "rapport.review.topics-per-day=10000";

	public static final String NEW_TOPICS = "rapport.review.new-member-topics-per-day=10000";

	public static final String SAME_TEXT = "rapport.review.same-text-per-day=1000";

	public static final String LINKS = "rapport.review.new-member-links=1000";

	private ReviewDefaults() {
	}

}

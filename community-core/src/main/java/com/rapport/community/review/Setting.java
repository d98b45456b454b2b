package com.rapport.community.review;

/**
 * A moderation setting staff may change in the browser. The default is read from the
 * application property {@code rapport.review.<key>}, else {@link #fallback()}.
 */
public enum Setting {

	/** Flag score (in hundredths) at which a post is hidden pending review. */
	FLAG_THRESHOLD("flag-threshold", 300, 10, 10_000),
	/** How many posts of a trust level 0 member wait for approval. */
	NEW_MEMBER_APPROVALS("new-member-approvals", 2, 0, 100),
	/**
	 * Links a trust level 0 member may put in a post (trust level 1: three times as
	 * many).
	 */
	NEW_MEMBER_LINKS("new-member-links", 2, 0, 1_000),
	/** How often the same text may be posted by one member in a day before it is held. */
	SAME_TEXT_PER_DAY("same-text-per-day", 2, 1, 1_000),
	/** Posts (topics and replies) per minute. */
	POSTS_PER_MINUTE("posts-per-minute", 6, 1, 10_000),
	/** Posts per minute for trust level 0. */
	NEW_MEMBER_POSTS_PER_MINUTE("new-member-posts-per-minute", 2, 1, 10_000),
	/** Topics per day. */
	TOPICS_PER_DAY("topics-per-day", 20, 1, 10_000),
	/** Topics per day for trust level 0. */
	NEW_MEMBER_TOPICS_PER_DAY("new-member-topics-per-day", 3, 1, 10_000),
	/** Flags per day. */
	FLAGS_PER_DAY("flags-per-day", 20, 1, 10_000),
	/** Flags per day for trust level 0. */
	NEW_MEMBER_FLAGS_PER_DAY("new-member-flags-per-day", 5, 1, 10_000);

	private final String key;

	private final int fallback;

	private final int min;

	private final int max;

	Setting(String key, int fallback, int min, int max) {
		this.key = key;
		this.fallback = fallback;
		this.min = min;
		this.max = max;
	}

	public String key() {
		return this.key;
	}

	public int fallback() {
		return this.fallback;
	}

	public int min() {
		return this.min;
	}

	public int max() {
		return this.max;
	}

}

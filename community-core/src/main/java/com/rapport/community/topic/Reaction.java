package com.rapport.community.topic;

/**
 * The reactions a member can leave on a post, one of each kind per member.
 */
public enum Reaction {

	LIKE("❤️"), THANKS("🙏"), LAUGH("😄"), WOW("😮"), SAD("😢");

	private final String emoji;

	Reaction(String emoji) {
		this.emoji = emoji;
	}

	public String emoji() {
		return this.emoji;
	}

}

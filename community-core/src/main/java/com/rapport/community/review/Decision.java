package com.rapport.community.review;

/**
 * What a moderator decides on a review item. For an appeal, approve overturns the
 * decision appealed and reject upholds it.
 */
public enum Decision {

	/** The post is fine: publish it, or show it again; flags were not agreed with. */
	APPROVE,
	/** Delete the post (or discard the held post); flags were agreed with. */
	REJECT,
	/** Keep the post hidden from readers; flags were agreed with. */
	HIDE,
	/** Close the item, leaving the post as it is; flags count neither way. */
	IGNORE;

	/**
	 * @return the item status after this decision
	 */
	String status() {
		return switch (this) {
			case APPROVE -> "APPROVED";
			case REJECT -> "REJECTED";
			case HIDE -> "HIDDEN";
			case IGNORE -> "IGNORED";
		};
	}

}

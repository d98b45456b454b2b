package com.rapport.community.review;

/**
 * Why a member flags a post.
 */
public enum FlagReason {

	SPAM, INAPPROPRIATE, OFF_TOPIC,
	/** Something else, explained in a note. */
	OTHER

}

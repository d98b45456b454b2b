package com.rapport.community.review;

/**
 * What happens to a post containing a watched word. Ordered from the mildest to the
 * strictest: when several words match, the strictest action wins.
 */
public enum WatchedAction {

	/** The word is shown masked. */
	CENSOR,
	/** The post is published and put in the review queue. */
	FLAG,
	/** The post waits for a moderator's approval. */
	REQUIRE_APPROVAL,
	/** The post is refused with a message. */
	BLOCK

}

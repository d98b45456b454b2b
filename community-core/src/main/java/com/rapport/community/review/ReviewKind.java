package com.rapport.community.review;

/**
 * Why an item is in the review queue.
 */
public enum ReviewKind {

	/** Members flagged a published post. */
	FLAGGED,
	/** A new member's post waits for approval. */
	APPROVAL,
	/** A post contains a watched word (held, or published and flagged). */
	WATCHED_WORD,
	/** A post looks like spam (links, the same text again). */
	SPAM,
	/** A member appeals a decision. */
	APPEAL,
	/**
	 * A moderator acted on a post directly, outside the queue (recorded decided, so the
	 * author can appeal it like a queue decision).
	 */
	MODERATOR

}

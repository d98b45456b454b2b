package com.rapport.community.listening;

/**
 * Where a mention was written.
 */
public enum Source {

	/** A forum post (the item is the post). */
	POST,
	/** An open-text answer of a completed survey response (the item is the response). */
	ANSWER

}

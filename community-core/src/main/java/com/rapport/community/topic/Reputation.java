package com.rapport.community.topic;

/**
 * How many points members earn for what they write and for what others value in it. The
 * points are written to the ledger ({@link com.rapport.community.member.Points}) in the
 * same transaction as the post, reaction or answer, and never go below zero.
 */
final class Reputation {

	static final int POST_PUBLISHED = 1;

	static final int LIKE_RECEIVED = 1;

	static final int ANSWER_ACCEPTED = 10;

	private Reputation() {
	}

}

package com.rapport.community.topic;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Points members earn from what others value in their posts, changed in the same
 * transaction as the reaction or answer, and never below zero.
 */
final class Reputation {

	static final int LIKE_RECEIVED = 1;

	static final int ANSWER_ACCEPTED = 10;

	private Reputation() {
	}

	static void add(JdbcClient jdbc, long memberId, int points) {
		if (points != 0) {
			jdbc.sql("UPDATE member SET reputation = GREATEST(reputation + ?, 0) WHERE id = ?")
				.params(points, memberId)
				.update();
		}
	}

}

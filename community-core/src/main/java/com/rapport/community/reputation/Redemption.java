package com.rapport.community.reputation;

import java.time.Instant;

/**
 * A reward a member redeemed, waiting for staff to send it or sent.
 *
 * @param id its id
 * @param rewardName the reward
 * @param username who redeemed it
 * @param cost the points it cost
 * @param createdAt when
 * @param fulfilledAt when staff marked it fulfilled, or null
 * @param fulfilledBy who did, or null
 */
public record Redemption(long id, String rewardName, String username, int cost, Instant createdAt, Instant fulfilledAt,
		String fulfilledBy) {

	public boolean fulfilled() {
		return this.fulfilledAt != null;
	}

}

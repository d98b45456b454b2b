package com.rapport.community.followup;

/**
 * Where a follow-up stands.
 */
public enum FollowUpStatus {

	/** Nobody has contacted the customer yet. */
	OPEN,
	/** Staff wrote to the customer and wait for an answer or a fix. */
	CONTACTED,
	/** The customer's problem was solved or answered. */
	RESOLVED,
	/** Staff decided not to act, with a note saying why. */
	WONT_FIX;

	/**
	 * Whether the follow-up needs no more work.
	 * @return true for resolved and won't fix
	 */
	public boolean isClosed() {
		return this == RESOLVED || this == WONT_FIX;
	}

}

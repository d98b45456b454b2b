package com.rapport.community.reputation;

/**
 * Milestones a member is thanked for, each awarded once.
 */
public enum Badge {

	/** Published a first post. */
	FIRST_POST,
	/** Left a first reaction on someone's post. */
	FIRST_REACTION,
	/** Had a first reply accepted as the answer. */
	FIRST_ACCEPTED_ANSWER,
	/** Received ten likes. */
	TEN_LIKES_RECEIVED,
	/** Read a hundred posts. */
	HUNDRED_POSTS_READ,
	/** Reached trust level 1 by taking part. */
	TRUST_LEVEL_1,
	/** Reached trust level 2 by taking part. */
	TRUST_LEVEL_2,
	/** Reached trust level 3 by taking part. */
	TRUST_LEVEL_3;

	static final int LIKES_FOR_BADGE = 10;

	static final int POSTS_READ_FOR_BADGE = 100;

	static Badge forTrustLevel(int level) {
		return switch (level) {
			case 1 -> TRUST_LEVEL_1;
			case 2 -> TRUST_LEVEL_2;
			case 3 -> TRUST_LEVEL_3;
			default -> null;
		};
	}

}

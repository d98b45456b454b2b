package com.rapport.community.reputation;

import java.util.List;

/**
 * Where a member stands: points, trust level and the activity that raises it, badges.
 *
 * @param reputation points earned
 * @param balance points left to spend on rewards
 * @param trustLevel current trust level
 * @param trustLocked whether a moderator set it by hand
 * @param daysVisited days on which they were seen
 * @param likesReceived likes on their posts
 * @param avatarVersion 0 without an uploaded avatar, else its version
 * @param badges badges held, oldest first
 */
public record Standing(int reputation, int balance, int trustLevel, boolean trustLocked, int daysVisited,
		int likesReceived, int avatarVersion, List<HeldBadge> badges) {

	public Standing {
		badges = List.copyOf(badges);
	}

}

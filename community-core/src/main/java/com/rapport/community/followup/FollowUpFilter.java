package com.rapport.community.followup;

/**
 * Which follow-ups a list shows.
 *
 * @param status one status, or null for every status that still needs work (open and
 * contacted)
 * @param ownerId only those of this owner, or null for everybody's
 * @param unassigned only those without an owner
 * @param source only those opened by this source, or null for both
 */
public record FollowUpFilter(FollowUpStatus status, Long ownerId, boolean unassigned, FollowUpSource source) {

	/** Everything that still needs work. */
	public static final FollowUpFilter OPEN_WORK = new FollowUpFilter(null, null, false, null);

}

package com.rapport.community.member;

/**
 * What a member may do beyond taking part. Each role includes the ones before it.
 */
public enum Role {

	MEMBER, MODERATOR, STAFF;

	/**
	 * Whether a holder of this role may act as {@code other}.
	 * @param other the role required
	 * @return true when this role is {@code other} or above it
	 */
	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

}

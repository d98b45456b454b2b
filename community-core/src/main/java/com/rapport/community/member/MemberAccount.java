package com.rapport.community.member;

import java.util.Set;

/**
 * What logging in needs to know about a member.
 *
 * @param id the member's id
 * @param username the username
 * @param email the email address
 * @param passwordHash the encoded password
 * @param emailVerified whether the email address was confirmed
 * @param roles roles held
 * @param unreadNotifications notifications not yet seen (the bell's count)
 */
public record MemberAccount(long id, String username, String email, String passwordHash, boolean emailVerified,
		Set<Role> roles, int unreadNotifications) {

	public MemberAccount {
		roles = Set.copyOf(roles);
	}

	/**
	 * The member as a {@link Viewer} of pages and actor of commands.
	 * @return the viewer
	 */
	public Viewer viewer() {
		return new Viewer(this.id, this.username, this.roles, this.emailVerified);
	}

}

package com.rapport.community.member;

import java.util.Set;

/**
 * Who is looking at or acting on something: an anonymous visitor or a logged-in member.
 *
 * @param memberId the member's id, or {@code null} for an anonymous visitor
 * @param username the member's username, or {@code null}
 * @param roles the roles held
 * @param emailVerified whether the member confirmed their email address
 */
public record Viewer(Long memberId, String username, Set<Role> roles, boolean emailVerified) {

	public static final Viewer ANONYMOUS = new Viewer(null, null, Set.of(), false);

	public Viewer {
		roles = Set.copyOf(roles);
	}

	public boolean isAnonymous() {
		return this.memberId == null;
	}

	/**
	 * Whether this viewer holds {@code role} or a role above it.
	 * @param role the role required
	 * @return true when allowed
	 */
	public boolean has(Role role) {
		return this.roles.stream().anyMatch((held) -> held.includes(role));
	}

	public boolean isModerator() {
		return has(Role.MODERATOR);
	}

	public boolean isStaff() {
		return has(Role.STAFF);
	}

}

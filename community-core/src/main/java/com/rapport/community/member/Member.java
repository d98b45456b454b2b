package com.rapport.community.member;

import java.time.Instant;
import java.util.Set;

/**
 * A member as others see it.
 *
 * @param id the member's id
 * @param username unique handle, used in mentions and profile URLs
 * @param email where mail is sent; shown to staff and the member only
 * @param displayName optional full name
 * @param emailVerified whether the email address was confirmed
 * @param trustLevel 0 (new) to 4 (leader), grows with participation
 * @param reputation points earned from reactions and accepted answers
 * @param bio what the member wrote about themself (Markdown source)
 * @param createdAt when the member joined
 * @param roles roles held
 */
public record Member(long id, String username, String email, String displayName, boolean emailVerified, int trustLevel,
		int reputation, String bio, Instant createdAt, Set<Role> roles) {

	public Member {
		roles = Set.copyOf(roles);
	}

	/**
	 * The name to show: the display name when set, else the username.
	 * @return a non-empty name
	 */
	public String name() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.username;
	}

	public boolean has(Role role) {
		return this.roles.stream().anyMatch((held) -> held.includes(role));
	}

}

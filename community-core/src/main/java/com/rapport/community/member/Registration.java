package com.rapport.community.member;

/**
 * A request to join the community.
 *
 * @param username the wished username
 * @param email the email address to verify
 * @param password the chosen password in clear text (never stored)
 */
public record Registration(String username, String email, String password) {

	@Override
	public String toString() {
		return "Registration[username=" + this.username + "]";
	}

}

package com.rapport.community.member;

/**
 * What happens to members that other features react to (mail, welcome sequences).
 */
public final class MemberEvents {

	private MemberEvents() {
	}

	/**
	 * A member registered and must confirm their email address with the token.
	 *
	 * @param memberId the new member
	 * @param username their username
	 * @param email the address to confirm
	 * @param verificationToken the single-use token to put in the link
	 */
	public record MemberRegistered(long memberId, String username, String email, String verificationToken) {

		@Override
		public String toString() {
			return "MemberRegistered[memberId=" + this.memberId + "]";
		}

	}

	/**
	 * A member (or someone knowing their address) asked to reset the password.
	 *
	 * @param memberId the member
	 * @param username their username
	 * @param email where to send the link
	 * @param resetToken the single-use token to put in the link
	 */
	public record PasswordResetRequested(long memberId, String username, String email, String resetToken) {

		@Override
		public String toString() {
			return "PasswordResetRequested[memberId=" + this.memberId + "]";
		}

	}

	/**
	 * A member confirmed their email address with the mailed link.
	 *
	 * @param memberId the member
	 */
	public record EmailVerified(long memberId) {
	}

}

package com.rapport.community.member;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: long enough to resist guessing, short enough for the
 * hash function (BCrypt reads at most 72 bytes), not one of the passwords attackers try
 * first, and not the member's own username or email.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 64;

	private static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = Set.of("password123", "1234567890", "qwertyuiop", "password1234",
			"iloveyou123", "123456789a", "1q2w3e4r5t", "qwerty12345", "abcdefghij", "0987654321", "1111111111",
			"passw0rd123", "letmein1234", "welcome123", "admin12345", "football123", "monkey12345");

	private PasswordPolicy() {
	}

	/**
	 * Checks a password.
	 * @param password the password in clear
	 * @param username the member's username (may be null)
	 * @param email the member's email (may be null)
	 * @return the message key of the first rule broken, or empty when acceptable
	 */
	public static Optional<String> check(String password, String username, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
			return Optional.of("password.tooCommon");
		}
		if (containsIgnoringCase(lower, username) || containsIgnoringCase(lower, localPart(email))) {
			return Optional.of("password.containsName");
		}
		return Optional.empty();
	}

	private static boolean containsIgnoringCase(String lowerPassword, String part) {
		return part != null && part.length() >= 3 && lowerPassword.contains(part.toLowerCase(Locale.ROOT));
	}

	private static String localPart(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		return (at > 0) ? email.substring(0, at) : email;
	}

}

package com.rapport.portal.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The key of remember-me logins, {@code rapport.security.remember-me-key}. A production
 * start (an external database, no demo profile) needs it configured, the same on every
 * node, and refuses to start without it; a start on the embedded database or with the
 * demo profile is a single node tried out on one machine and gets a random key, so
 * remember-me logins last only as long as that process.
 */
final class RememberMeKey {

	static final String PROPERTY = "rapport.security.remember-me-key";

	static final int MIN_LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private RememberMeKey() {
	}

	/**
	 * The key to use.
	 * @param environment the application's configuration
	 * @return the configured key, or a random one where that is allowed
	 * @throws MissingRememberMeKeyException when production runs without a usable key
	 */
	static String resolve(Environment environment) {
		String configured = environment.getProperty(PROPERTY, "").strip();
		if (!configured.isEmpty()) {
			if (configured.length() < MIN_LENGTH) {
				throw new MissingRememberMeKeyException("is shorter than " + MIN_LENGTH + " characters");
			}
			return configured;
		}
		boolean external = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		if (external && !environment.acceptsProfiles(Profiles.of("demo"))) {
			throw new MissingRememberMeKeyException("is not set");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * Production was started without a usable remember-me key.
	 */
	static final class MissingRememberMeKeyException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		MissingRememberMeKeyException(String problem) {
			super("The remember-me key (" + PROPERTY + ") " + problem);
		}

	}

}

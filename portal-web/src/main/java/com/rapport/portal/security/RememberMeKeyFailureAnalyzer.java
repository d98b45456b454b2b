package com.rapport.portal.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the operator what to set when production starts without a remember-me key,
 * instead of a stack trace.
 */
class RememberMeKeyFailureAnalyzer extends AbstractFailureAnalyzer<RememberMeKey.MissingRememberMeKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RememberMeKey.MissingRememberMeKeyException cause) {
		return new FailureAnalysis(
				cause.getMessage()
						+ ". With an external database (spring.datasource.url) the portal needs a secret key for "
						+ "remember-me logins, the same on every node.",
				"Set " + RememberMeKey.PROPERTY + " (environment variable RAPPORT_SECURITY_REMEMBER_ME_KEY) to a "
						+ "random secret of at least " + RememberMeKey.MIN_LENGTH
						+ " characters, e.g. the output of `openssl rand -base64 32`, on every node.",
				cause);
	}

}

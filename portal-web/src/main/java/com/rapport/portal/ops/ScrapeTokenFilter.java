package com.rapport.portal.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus server in with {@code Authorization: Bearer <rapport.metrics.token>}
 * for the one request (nothing is stored in a session). An empty token disables this way
 * in. Tokens are compared by their SHA-256 digests in constant time, so neither the
 * length nor a prefix of the token leaks through response times.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

	static final int MIN_LENGTH = 16;

	private static final String BEARER = "Bearer ";

	private final byte[] expected;

	ScrapeTokenFilter(String token) {
		if (token != null && !token.isEmpty() && token.length() < MIN_LENGTH) {
			throw new IllegalStateException("rapport.metrics.token must be at least " + MIN_LENGTH
					+ " characters long (or empty to disable it)");
		}
		this.expected = (token == null || token.isEmpty()) ? null : digest(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		boolean nobody = current == null || current instanceof AnonymousAuthenticationToken;
		if (this.expected != null && nobody && header != null && header.startsWith(BEARER)
				&& MessageDigest.isEqual(this.expected, digest(header.substring(BEARER.length())))) {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
						AuthorityUtils.createAuthorityList("ROLE_" + OpsSecurityConfiguration.METRICS_ROLE)));
		}
		chain.doFilter(request, response);
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

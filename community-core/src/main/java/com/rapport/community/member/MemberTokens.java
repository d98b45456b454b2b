package com.rapport.community.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring tokens mailed to members. Only a SHA-256 digest is stored.
 */
@Repository
class MemberTokens {

	enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD

	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	MemberTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issues a new token, invalidating earlier unused ones of the same purpose.
	 */
	String issue(long memberId, Purpose purpose, Instant now, Duration validFor) {
		this.jdbc.sql("UPDATE member_token SET used_at = ? WHERE member_id = ? AND purpose = ? AND used_at IS NULL")
			.params(Timestamp.from(now), memberId, purpose.name())
			.update();
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc
			.sql("INSERT INTO member_token (member_id, purpose, token_hash, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(memberId, purpose.name(), digest(token), Timestamp.from(now), Timestamp.from(now.plus(validFor)))
			.update();
		return token;
	}

	/**
	 * Uses a token once.
	 * @return the member it was issued to, or empty when unknown, used or expired
	 */
	Optional<Long> consume(String token, Purpose purpose, Instant now) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		String hash = digest(token);
		Optional<Long> memberId = this.jdbc
			.sql("SELECT member_id FROM member_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL "
					+ "AND expires_at > ? FOR UPDATE")
			.params(hash, purpose.name(), Timestamp.from(now))
			.query(Long.class)
			.optional();
		memberId.ifPresent((id) -> this.jdbc.sql("UPDATE member_token SET used_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(now), hash)
			.update());
		return memberId;
	}

	static String digest(String token) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}

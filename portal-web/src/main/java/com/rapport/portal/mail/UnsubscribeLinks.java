package com.rapport.portal.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links: {@code /email/unsubscribe?t=<member>.<scope>.<HMAC-SHA256>},
 * keyed with a random secret kept in the database (made once, shared by every node). The
 * member id and the scope are covered by the signature, so a link cannot be changed to
 * unsubscribe someone else or from something else.
 */
@Component
class UnsubscribeLinks {

	/**
	 * What the signature signs besides the id and scope, so it is never reused for
	 * another purpose.
	 */
	private static final String PURPOSE = "rapport-unsubscribe:";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PortalLinks links;

	private final SecureRandom random = new SecureRandom();

	private volatile byte[] key;

	UnsubscribeLinks(JdbcClient jdbc, Clock clock, PortalLinks links) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.links = links;
	}

	/**
	 * The absolute unsubscribe link of a member and scope.
	 * @param memberId who
	 * @param scope what they stop receiving
	 * @return the URL
	 */
	String link(long memberId, MailScope scope) {
		return this.links.link("/email/unsubscribe").queryParam("t", token(memberId, scope)).toUriString();
	}

	String token(long memberId, MailScope scope) {
		String payload = memberId + "." + scope.name().toLowerCase(java.util.Locale.ROOT);
		return payload + "." + sign(payload);
	}

	/**
	 * Reads a token, checking its signature.
	 * @param token the {@code t} parameter
	 * @return the member and scope, or empty when it is malformed or was altered
	 */
	Optional<Unsubscribe> verify(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		int last = token.lastIndexOf('.');
		int first = token.indexOf('.');
		if (first < 1 || last <= first) {
			return Optional.empty();
		}
		String payload = token.substring(0, last);
		byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Optional.empty();
		}
		long memberId;
		try {
			memberId = Long.parseLong(token.substring(0, first));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return MailScope.parse(token.substring(first + 1, last)).map((scope) -> new Unsubscribe(memberId, scope));
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac.doFinal((PURPOSE + payload).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known == null) {
			byte[] fresh = new byte[32];
			this.random.nextBytes(fresh);
			// the first node to need a key makes it; the others read that one
			this.jdbc.sql("INSERT IGNORE INTO mail_signing_key (id, secret, created_at) VALUES (1, ?, ?)")
				.params(HexFormat.of().formatHex(fresh), Timestamp.from(this.clock.instant()))
				.update();
			String stored = this.jdbc.sql("SELECT secret FROM mail_signing_key WHERE id = 1")
				.query(String.class)
				.single();
			known = HexFormat.of().parseHex(stored);
			this.key = known;
		}
		return known;
	}

	/**
	 * What a valid link asks for.
	 *
	 * @param memberId who
	 * @param scope which mail they no longer want
	 */
	record Unsubscribe(long memberId, MailScope scope) {
	}

}

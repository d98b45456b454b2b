package com.rapport.portal.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs what mailed links carry (unsubscribe tokens, tracked clicks) with HMAC-SHA256,
 * keyed with a random secret kept in the database: the first node to need it makes it,
 * every node reads that one. Each kind of link signs with its own purpose, so a signature
 * made for one kind is worthless for another.
 */
@Component
public class MailSigning {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private volatile byte[] key;

	MailSigning(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The signature of a payload for one purpose.
	 * @param purpose the kind of link, e.g. {@code rapport-unsubscribe:}
	 * @param payload what the link carries
	 * @return the signature, URL-safe Base64 without padding
	 */
	public String sign(String purpose, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac.doFinal((purpose + payload).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Whether a signature is the one of the payload for the purpose, compared in constant
	 * time.
	 * @param purpose the kind of link
	 * @param payload what the link carries
	 * @param signature the signature the link carries
	 * @return whether it matches
	 */
	public boolean verify(String purpose, String payload, String signature) {
		return signature != null && MessageDigest.isEqual(sign(purpose, payload).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known == null) {
			byte[] fresh = new byte[32];
			this.random.nextBytes(fresh);
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

}

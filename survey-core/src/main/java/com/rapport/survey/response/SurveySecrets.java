package com.rapport.survey.response;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's secrets for surveys, generated once and kept in the database so
 * every node signs and hashes alike: one signs form tokens and personal links, one hashes
 * respondent ids (so the stored hash cannot be reversed by guessing ids without it).
 */
@Component
public class SurveySecrets {

	private static final String SIGNING = "signing";

	private static final String RESPONDENT = "respondent";

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

	/**
	 * Each thread's MACs, one per secret, made once: looking the algorithm up and keying
	 * a new {@link Mac} on every call was a third of checking a form token.
	 * {@link Mac#doFinal} leaves a MAC ready for the next data with the same key.
	 */
	private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

	SurveySecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A signature of {@code data}, URL-safe.
	 * @param data what is signed
	 * @return the signature
	 */
	public String sign(String data) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(SIGNING, data));
	}

	/**
	 * Whether {@code signature} is the signature of {@code data}, compared in constant
	 * time.
	 * @param data what was signed
	 * @param signature the signature received
	 * @return true when it matches
	 */
	public boolean verify(String data, String signature) {
		return MessageDigest.isEqual(sign(data).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The stored form of a respondent id: a keyed hash in hex.
	 * @param respondentId e.g. "m:42" for member 42, "r:abc" for a host page's id
	 * @return 64 hex digits
	 */
	public String hashRespondent(String respondentId) {
		return HexFormat.of().formatHex(mac(RESPONDENT, respondentId));
	}

	/**
	 * A keyed hash with a caller's own key (webhook signatures).
	 * @param key the key
	 * @param data the data
	 * @return the hash in hex
	 */
	public static String hmacHex(String key, String data) {
		return HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), data));
	}

	private byte[] mac(String secret, String data) {
		Map<String, Mac> threadMacs = this.macs.get();
		Mac mac = threadMacs.get(secret);
		if (mac == null) {
			mac = newMac(secret(secret));
			threadMacs.put(secret, mac);
		}
		return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(byte[] key, String data) {
		return newMac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
	}

	private static Mac newMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private byte[] secret(String name) {
		return this.cache.computeIfAbsent(name, this::loadOrCreate);
	}

	private byte[] loadOrCreate(String name) {
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		// every node races to create it once; the first row wins and all read it back
		this.jdbc.sql("INSERT IGNORE INTO survey_secret (name, secret) VALUES (?, ?)")
			.params(name, Base64.getEncoder().encodeToString(fresh))
			.update();
		String stored = this.jdbc.sql("SELECT secret FROM survey_secret WHERE name = ?")
			.param(name)
			.query(String.class)
			.single();
		return Base64.getDecoder().decode(stored);
	}

}

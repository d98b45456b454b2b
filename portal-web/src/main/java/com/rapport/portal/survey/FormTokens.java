package com.rapport.portal.survey;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.SurveyRejectedException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed, short-lived form tokens of the answering pages. They replace the CSRF cookie on
 * the answer endpoints: an embedded frame cannot rely on cookies (browsers block
 * third-party cookies), and a token only lets its bearer answer the one response it was
 * made for, as the respondent the page was made for, so a forged cross-site request could
 * do nothing that the page itself does not allow.
 */
@Component
class FormTokens {

	private static final int MAX_TOKEN = 8000;

	private final SurveySecrets secrets;

	private final Clock clock;

	private final Duration lifetime;

	private final Duration minimumTime;

	FormTokens(SurveySecrets secrets, Clock clock, @Value("${rapport.survey.token-lifetime:2h}") Duration lifetime,
			@Value("${rapport.survey.min-answer-time:1s}") Duration minimumTime) {
		this.secrets = secrets;
		this.clock = clock;
		this.lifetime = lifetime;
		this.minimumTime = minimumTime;
	}

	/**
	 * The time a page is made at, in epoch milliseconds.
	 * @return now
	 */
	long now() {
		return this.clock.millis();
	}

	String issue(AnswerContext context) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("s", Long.toString(context.surveyId()));
		fields.put("v", Integer.toString(context.version()));
		fields.put("r", context.publicId());
		fields.put("w", context.respondentHash());
		fields.put("c", context.channel().name());
		if (context.pageUrl() != null) {
			fields.put("u", context.pageUrl());
		}
		fields.put("l", context.locale());
		fields.put("d", context.device().name());
		if (context.linkId() != null) {
			fields.put("k", Long.toString(context.linkId()));
		}
		fields.put("p", String.join(",", new TreeSet<>(context.passed())));
		// "m" is the issue time in milliseconds, so the minimum answer time is enforced
		// to the millisecond; "t" keeps the whole seconds that tokens carried before "m"
		// existed, so a node of the previous version still accepts this token during a
		// rolling upgrade
		fields.put("t", Long.toString(Math.floorDiv(context.issuedAt(), 1000L)));
		fields.put("m", Long.toString(context.issuedAt()));
		context.hidden().forEach((name, value) -> fields.put("h." + name, value));
		StringBuilder payload = new StringBuilder();
		fields.forEach((name, value) -> {
			if (!payload.isEmpty()) {
				payload.append('&');
			}
			payload.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
		return encoded + "." + this.secrets.sign(encoded);
	}

	/**
	 * Reads a token; a tampered, malformed or expired one is refused.
	 * @param token the token from the form
	 * @return what the page was made with
	 */
	AnswerContext verify(String token) {
		if (token == null || token.length() > MAX_TOKEN) {
			throw new SurveyRejectedException("survey.error.invalidToken");
		}
		int dot = token.lastIndexOf('.');
		if (dot <= 0 || !this.secrets.verify(token.substring(0, dot), token.substring(dot + 1))) {
			throw new SurveyRejectedException("survey.error.invalidToken");
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			Map<String, String> fields = new HashMap<>();
			Map<String, String> hidden = new LinkedHashMap<>();
			for (String pair : payload.split("&")) {
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				if (name.startsWith("h.")) {
					hidden.put(name.substring(2), value);
				}
				else {
					fields.put(name, value);
				}
			}
			for (String name : new String[] { "s", "v", "r", "w", "c", "l", "d", "t" }) {
				if (!fields.containsKey(name)) {
					throw new SurveyRejectedException("survey.error.invalidToken");
				}
			}
			// a token made before the issue time had milliseconds carries only "t"
			long issuedAt = fields.containsKey("m") ? Long.parseLong(fields.get("m"))
					: Math.multiplyExact(Long.parseLong(fields.get("t")), 1000L);
			if (now() - issuedAt > this.lifetime.toMillis()) {
				throw new SurveyRejectedException("survey.error.expired");
			}
			String passed = fields.get("p");
			Set<String> passedKeys = (passed == null || passed.isEmpty()) ? Set.of() : Set.of(passed.split(","));
			return new AnswerContext(Long.parseLong(fields.get("s")), Integer.parseInt(fields.get("v")),
					fields.get("r"), fields.get("w"), Channel.valueOf(fields.get("c")), fields.get("u"),
					fields.get("l"), Device.valueOf(fields.get("d")), hidden,
					fields.containsKey("k") ? Long.valueOf(fields.get("k")) : null, passedKeys, issuedAt);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException ex) {
			throw new SurveyRejectedException("survey.error.invalidToken");
		}
	}

	/**
	 * Whether the page was answered faster than a person could (a bot).
	 * @param context the page's context
	 * @return true when too fast
	 */
	boolean isTooFast(AnswerContext context) {
		return now() - context.issuedAt() < this.minimumTime.toMillis();
	}

}

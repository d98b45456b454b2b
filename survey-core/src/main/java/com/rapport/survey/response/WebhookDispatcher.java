package com.rapport.survey.response;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.db.cluster.RunOnce;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends completed responses to their survey's webhook from the durable queue
 * ({@code survey_webhook_delivery}, written in the transaction that completes the
 * response): a JSON POST signed with {@code X-Rapport-Signature: sha256=<HMAC of the
 * body>}, retried with exponential backoff (1 minute doubling up to 6 hours, at most 12
 * attempts).
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final int MAX_ATTEMPTS = 12;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebhookDispatcher(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// one node at a time: a delivery is marked delivered before the lock is released, so
	// no node posts it twice
	@Scheduled(fixedDelayString = "${rapport.survey.webhook.poll-interval:10s}")
	@RunOnce("survey-webhooks")
	public void deliverDue() {
		List<Delivery> due = this.jdbc.sql("""
				SELECT d.id, d.response_id, d.attempts, s.webhook_url, s.webhook_secret, s.survey_key
				FROM survey_webhook_delivery d JOIN survey s ON s.id = d.survey_id
				WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ? AND d.attempts < ? AND s.webhook_url IS NOT NULL
				ORDER BY d.next_attempt_at LIMIT 50
				""")
			.params(Timestamp.from(this.clock.instant()), MAX_ATTEMPTS)
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.list();
		due.forEach(this::deliver);
	}

	private void deliver(Delivery delivery) {
		String body = body(delivery);
		String error;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (delivery.secret() != null) {
				request.header("X-Rapport-Signature", "sha256=" + SurveySecrets.hmacHex(delivery.secret(), body));
			}
			HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				this.jdbc
					.sql("UPDATE survey_webhook_delivery SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?")
					.params(Timestamp.from(this.clock.instant()), delivery.id())
					.update();
				return;
			}
			error = "HTTP " + response.statusCode();
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Instant next = this.clock.instant().plus(backoff(delivery.attempts() + 1));
		this.jdbc
			.sql("UPDATE survey_webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
					+ "WHERE id = ?")
			.params(Timestamp.from(next), error, delivery.id())
			.update();
		log.warn("Webhook delivery {} failed ({}), attempt {}", delivery.id(), error, delivery.attempts() + 1);
	}

	static Duration backoff(int attempts) {
		long minutes = 1L << Math.min(attempts - 1, 9);
		return Duration.ofMinutes(Math.min(minutes, 360));
	}

	private String body(Delivery delivery) {
		StringBuilder json = new StringBuilder();
		this.jdbc
			.sql("SELECT r.public_id, r.survey_version, r.channel, r.locale, r.device, r.completed_at FROM "
					+ "survey_response r WHERE r.id = ?")
			.param(delivery.responseId())
			.query((rs) -> {
				json.append("{\"survey\":")
					.append(quote(delivery.surveyKey()))
					.append(",\"response\":")
					.append(quote(rs.getString(1)))
					.append(",\"version\":")
					.append(rs.getInt(2))
					.append(",\"channel\":")
					.append(quote(rs.getString(3)))
					.append(",\"locale\":")
					.append(quote(rs.getString(4)))
					.append(",\"device\":")
					.append(quote(rs.getString(5)))
					.append(",\"completedAt\":")
					.append(quote(String.valueOf(rs.getTimestamp(6).toInstant())))
					.append(",\"answers\":{");
			});
		boolean[] first = { true };
		this.jdbc.sql("""
				SELECT q.question_key, q.position, a.number_value, a.choice_values, a.text_value
				FROM survey_answer a JOIN survey_question q ON q.id = a.question_id WHERE a.response_id = ?
				ORDER BY q.position
				""").param(delivery.responseId()).query((rs) -> {
			String key = rs.getString(1);
			if (!first[0]) {
				json.append(',');
			}
			first[0] = false;
			json.append(quote((key == null || key.isEmpty()) ? "q" + rs.getInt(2) : key)).append(":{");
			Integer number = rs.getObject(3, Integer.class);
			json.append("\"value\":").append((number != null) ? number.toString() : "null");
			json.append(",\"choices\":").append(quote(rs.getString(4)));
			json.append(",\"text\":").append(quote(rs.getString(5))).append('}');
		});
		return json.append("}}").toString();
	}

	static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private record Delivery(long id, long responseId, int attempts, String url, String secret, String surveyKey) {
	}

}

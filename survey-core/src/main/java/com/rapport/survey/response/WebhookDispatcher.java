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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.rapport.db.cluster.RunOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends completed responses to their survey's webhook from the durable queue
 * ({@code survey_webhook_delivery}, written in the transaction that completes the
 * response): a JSON POST signed with {@code X-Rapport-Signature: sha256=<HMAC of the
 * body>}, retried with exponential backoff (1 minute doubling up to 6 hours, at most 12
 * attempts).
 * <p>
 * Each run claims the deliveries it is going to send (a token of its own and a lease of
 * {@link #LEASE}), so no other node sends them at the same time. When the application
 * stops, the delivery being sent finishes, no further one starts and the run hands the
 * rest of its claim back, so a stopped node leaves nothing claimed; the claims of a node
 * that died expire with their lease.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final int MAX_ATTEMPTS = 12;

	/** Long enough for a batch whose every delivery waits for the timeouts. */
	static final Duration LEASE = Duration.ofMinutes(15);

	/** Held while a run delivers; stopping waits for it. */
	private final ReentrantLock running = new ReentrantLock();

	private volatile boolean accepting;

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
		if (!this.accepting || !this.running.tryLock()) {
			return;
		}
		try {
			deliverClaimed();
		}
		catch (DataAccessException ex) {
			// the database is away (restart, shutdown): the deliveries wait in the queue
			log.warn("Webhook queue unreachable, will retry: {}", ex.getClass().getSimpleName());
		}
		finally {
			this.running.unlock();
		}
	}

	private void deliverClaimed() {
		String claim = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		int claimed = this.jdbc.sql("""
				UPDATE survey_webhook_delivery SET claimed_by = ?, claimed_until = ?
				WHERE delivered_at IS NULL AND next_attempt_at <= ? AND attempts < ?
				AND (claimed_until IS NULL OR claimed_until < ?)
				AND survey_id IN (SELECT id FROM survey WHERE webhook_url IS NOT NULL)
				ORDER BY next_attempt_at LIMIT 50
				""")
			.params(claim, Timestamp.from(now.plus(LEASE)), Timestamp.from(now), MAX_ATTEMPTS, Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return;
		}
		try {
			List<Delivery> due = this.jdbc.sql("""
					SELECT d.id, d.response_id, d.attempts, s.webhook_url, s.webhook_secret, s.survey_key
					FROM survey_webhook_delivery d JOIN survey s ON s.id = d.survey_id
					WHERE d.claimed_by = ? AND d.delivered_at IS NULL AND s.webhook_url IS NOT NULL
					ORDER BY d.next_attempt_at
					""")
				.param(claim)
				.query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getString(6)))
				.list();
			for (Delivery delivery : due) {
				if (!this.accepting) {
					break;
				}
				deliver(delivery);
			}
		}
		finally {
			int released = this.jdbc
				.sql("UPDATE survey_webhook_delivery SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")
				.param(claim)
				.update();
			if (released > 0) {
				log.info("Webhook queue: {} claimed deliveries handed back unsent", released);
			}
		}
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
				this.jdbc.sql(
						"UPDATE survey_webhook_delivery SET delivered_at = ?, attempts = attempts + 1, claimed_by = NULL, "
								+ "claimed_until = NULL WHERE id = ?")
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
			.sql("UPDATE survey_webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
					+ "claimed_by = NULL, claimed_until = NULL WHERE id = ?")
			.params(Timestamp.from(next), error, delivery.id())
			.update();
		log.warn("Webhook delivery {} failed ({}), attempt {}", delivery.id(), error, delivery.attempts() + 1);
	}

	@Override
	public void start() {
		this.accepting = true;
	}

	/**
	 * Starts no further delivery and waits (at most the timeouts of one delivery) for the
	 * one being sent, whose run then hands its remaining claim back.
	 */
	@Override
	public void stop() {
		this.accepting = false;
		try {
			if (this.running.tryLock(30, TimeUnit.SECONDS)) {
				this.running.unlock();
			}
			else {
				log.warn("Webhook dispatcher still sending after 30 s; its claims expire with their lease");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.accepting;
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

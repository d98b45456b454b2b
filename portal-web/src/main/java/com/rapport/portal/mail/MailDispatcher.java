package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail. A mail that fails is tried again later with a growing delay, up to a
 * limit; each is marked sent only after the SMTP server took it.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int MAX_ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final JavaMailSender sender;

	private final Clock clock;

	private final String from;

	private final Counter sent;

	private final Counter failed;

	MailDispatcher(JdbcClient jdbc, JavaMailSender sender, Clock clock,
			@Value("${rapport.mail.from:Rapport <no-reply@localhost>}") String from, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
		this.sent = Counter.builder("rapport.mail.sent")
			.description("Mails the SMTP server accepted")
			.register(registry);
		this.failed = Counter.builder("rapport.mail.failed")
			.description("Attempts to send a mail that failed (it is tried again later, up to a limit)")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${rapport.mail.poll-interval:5s}",
			initialDelayString = "${rapport.mail.poll-interval:5s}")
	void sendPending() {
		try {
			sendDue();
		}
		catch (DataAccessException ex) {
			// the database is away (restart, shutdown): the mail waits in the outbox
			log.warn("Mail outbox unreachable, will retry: {}", ex.getClass().getSimpleName());
		}
	}

	private void sendDue() {
		Instant now = this.clock.instant();
		List<Pending> pending = this.jdbc
			.sql("SELECT id, recipient, subject, body, attempts, list_unsubscribe FROM mail_outbox "
					+ "WHERE sent_at IS NULL AND next_attempt_at <= ? AND attempts < ? ORDER BY id LIMIT 50")
			.params(Timestamp.from(now), MAX_ATTEMPTS)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6)))
			.list();
		for (Pending mail : pending) {
			send(mail);
		}
	}

	private void send(Pending mail) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(new InternetAddress(this.from, false));
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.body(), false);
			if (mail.listUnsubscribe() != null) {
				// RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that
				// POSTs to the signed link, no login and no page needed
				message.setHeader("List-Unsubscribe", "<" + mail.listUnsubscribe() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			this.sender.send(message);
			this.jdbc.sql("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
				.params(Timestamp.from(this.clock.instant()), mail.id())
				.update();
			this.sent.increment();
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			Duration backoff = Duration.ofSeconds(30L << Math.min(mail.attempts(), 10));
			String error = String.valueOf(ex.getMessage());
			this.jdbc
				.sql("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
				.params(Timestamp.from(this.clock.instant().plus(backoff)),
						error.substring(0, Math.min(error.length(), 500)), mail.id())
				.update();
			this.failed.increment();
			log.warn("Mail {} not sent (attempt {}): {}", mail.id(), mail.attempts() + 1,
					ex.getClass().getSimpleName());
		}
	}

	private record Pending(long id, String recipient, String subject, String body, int attempts,
			String listUnsubscribe) {
	}

}

package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.db.cluster.RunOnce;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
 * <p>
 * Each run first claims the mails it is going to send (a token of its own and a lease of
 * {@link #LEASE}), so no other node sends them at the same time. When the application
 * stops, the run in progress finishes the mail it is sending, sends no further one and
 * hands the rest of its claim back, so a stopped node leaves nothing claimed; a node that
 * died leaves claims that expire with their lease.
 */
@Component
class MailDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int MAX_ATTEMPTS = 8;

	private static final int BATCH = 50;

	/** Long enough for a batch whose every mail waits for the SMTP timeouts. */
	static final Duration LEASE = Duration.ofMinutes(15);

	/** Held while a run sends; stopping waits for it. */
	private final ReentrantLock running = new ReentrantLock();

	private volatile boolean accepting;

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
	// one node at a time: a mail is marked sent before the lock is released, so no node
	// sends it twice; the lock has no period, so mail waits no longer than with one node
	@RunOnce("mail-outbox")
	void sendPending() {
		if (!this.accepting || !this.running.tryLock()) {
			return;
		}
		try {
			sendDue();
		}
		catch (DataAccessException ex) {
			// the database is away (restart, shutdown): the mail waits in the outbox
			log.warn("Mail outbox unreachable, will retry: {}", ex.getClass().getSimpleName());
		}
		finally {
			this.running.unlock();
		}
	}

	private void sendDue() {
		String claim = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		int claimed = this.jdbc
			.sql("UPDATE mail_outbox SET claimed_by = ?, claimed_until = ? WHERE sent_at IS NULL "
					+ "AND next_attempt_at <= ? AND attempts < ? AND (claimed_until IS NULL OR claimed_until < ?) "
					+ "ORDER BY id LIMIT " + BATCH)
			.params(claim, Timestamp.from(now.plus(LEASE)), Timestamp.from(now), MAX_ATTEMPTS, Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return;
		}
		try {
			List<Pending> pending = this.jdbc
				.sql("SELECT id, recipient, subject, body, attempts, list_unsubscribe FROM mail_outbox "
						+ "WHERE claimed_by = ? AND sent_at IS NULL ORDER BY id")
				.param(claim)
				.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), rs.getString(6)))
				.list();
			for (Pending mail : pending) {
				if (!this.accepting) {
					break;
				}
				send(mail);
			}
		}
		finally {
			int released = this.jdbc
				.sql("UPDATE mail_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")
				.param(claim)
				.update();
			if (released > 0) {
				log.info("Mail outbox: {} claimed mails handed back unsent", released);
			}
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
			this.jdbc.sql(
					"UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, "
							+ "claimed_until = NULL WHERE id = ?")
				.params(Timestamp.from(this.clock.instant()), mail.id())
				.update();
			this.sent.increment();
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			Duration backoff = Duration.ofSeconds(30L << Math.min(mail.attempts(), 10));
			String error = String.valueOf(ex.getMessage());
			this.jdbc.sql(
					"UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
							+ "claimed_until = NULL WHERE id = ?")
				.params(Timestamp.from(this.clock.instant().plus(backoff)),
						error.substring(0, Math.min(error.length(), 500)), mail.id())
				.update();
			this.failed.increment();
			log.warn("Mail {} not sent (attempt {}): {}", mail.id(), mail.attempts() + 1,
					ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		this.accepting = true;
	}

	/**
	 * Sends no further mail and waits (at most the SMTP timeouts of one mail) for the
	 * mail being sent, whose run then hands its remaining claim back.
	 */
	@Override
	public void stop() {
		this.accepting = false;
		try {
			if (this.running.tryLock(30, TimeUnit.SECONDS)) {
				this.running.unlock();
			}
			else {
				log.warn("Mail dispatcher still sending after 30 s; its claims expire with their lease");
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

	private record Pending(long id, String recipient, String subject, String body, int attempts,
			String listUnsubscribe) {
	}

}

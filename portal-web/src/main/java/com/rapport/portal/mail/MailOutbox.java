package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a mail in the database. Joining the caller's transaction means a mail is queued
 * exactly when the change that causes it commits.
 */
@Service
public class MailOutbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Counter queued;

	MailOutbox(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.queued = Counter.builder("rapport.mail.queued")
			.description("Mails written to the outbox (counted when their transaction commits)")
			.register(registry);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String body) {
		enqueue(recipient, subject, body, null);
	}

	/**
	 * Queues a mail that a reader can unsubscribe from with one click (RFC 8058).
	 * @param recipient the address
	 * @param subject the subject
	 * @param body plain text
	 * @param listUnsubscribe the signed unsubscribe URL for the List-Unsubscribe header,
	 * or null for a mail that is not optional (a password reset)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String body, String listUnsubscribe) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at, list_unsubscribe) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(recipient, subject, body, Timestamp.from(now), Timestamp.from(now), listUnsubscribe)
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				MailOutbox.this.queued.increment();
			}
		});
	}

}

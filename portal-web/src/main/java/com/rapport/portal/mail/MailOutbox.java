package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a mail in the database. Joining the caller's transaction means a mail is queued
 * exactly when the change that causes it commits.
 */
@Service
public class MailOutbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String body) {
		Instant now = this.clock.instant();
		this.jdbc.sql(
				"INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)")
			.params(recipient, subject, body, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

}

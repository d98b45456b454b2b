package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rapport.portal.support.PortalIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatcher that is stopped while it sends finishes the mail in hand, sends no further
 * one and hands its claim back, so the mails it did not send are sent by the next run
 * (after a restart, or by another node), each exactly once; a claim left by a node that
 * died is taken over when its lease expires, a live one is left alone.
 * <p>
 * The mails of this test are due an hour from now and the dispatcher under test runs two
 * hours ahead, so the application's own dispatcher never touches them.
 */
class MailDispatcherClaimsIntegrationTest extends PortalIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private final Instant now = Instant.now();

	private final Clock ahead = Clock.fixed(this.now.plus(Duration.ofHours(2)), ZoneOffset.UTC);

	@Test
	void aStoppedDispatcherHandsBackWhatItClaimedAndTheNextRunSendsIt() throws Exception {
		String domain = unique("claims").toLowerCase().replace('_', '-') + ".test";
		List<Long> ids = List.of(queue("a@" + domain), queue("b@" + domain), queue("c@" + domain));
		RecordingSender smtp = new RecordingSender();
		MailDispatcher dispatcher = new MailDispatcher(this.jdbc, smtp, this.ahead, "Rapport <no-reply@localhost>",
				new SimpleMeterRegistry());
		dispatcher.start();
		// the application is told to stop while the first mail is with the SMTP server
		Thread[] stopping = new Thread[1];
		smtp.onFirstSend = () -> {
			stopping[0] = new Thread(dispatcher::stop);
			stopping[0].start();
			while (dispatcher.isRunning()) {
				Thread.onSpinWait();
			}
		};

		dispatcher.sendPending();
		stopping[0].join(10_000);

		assertThat(stopping[0].isAlive()).isFalse();
		assertThat(smtp.recipients).containsExactly("a@" + domain);
		assertThat(sentCount(ids)).isEqualTo(1);
		assertThat(claimedCount(ids)).as("nothing stays claimed by the stopped node").isZero();

		// a stopped dispatcher sends nothing more
		dispatcher.sendPending();
		assertThat(smtp.recipients).hasSize(1);

		// the next start (this node again, or any other) sends the rest, each once
		dispatcher.start();
		dispatcher.sendPending();
		assertThat(smtp.recipients).containsExactly("a@" + domain, "b@" + domain, "c@" + domain);
		assertThat(sentCount(ids)).isEqualTo(3);
		assertThat(claimedCount(ids)).isZero();
	}

	@Test
	void anExpiredClaimIsTakenOverAndALiveOneIsLeftAlone() {
		String domain = unique("leases").toLowerCase().replace('_', '-') + ".test";
		long expired = queue("dead-node@" + domain);
		long live = queue("busy-node@" + domain);
		claim(expired, this.now.plus(Duration.ofMinutes(90)));
		claim(live, this.now.plus(Duration.ofHours(5)));
		RecordingSender smtp = new RecordingSender();
		MailDispatcher dispatcher = new MailDispatcher(this.jdbc, smtp, this.ahead, "Rapport <no-reply@localhost>",
				new SimpleMeterRegistry());
		dispatcher.start();

		dispatcher.sendPending();

		assertThat(smtp.recipients).containsExactly("dead-node@" + domain);
		assertThat(sentCount(List.of(expired))).isEqualTo(1);
		assertThat(sentCount(List.of(live))).isZero();
		assertThat(claimedCount(List.of(live))).isEqualTo(1);
	}

	private long queue(String recipient) {
		Timestamp due = Timestamp.from(this.now.plus(Duration.ofHours(1)));
		this.jdbc
			.sql("INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) "
					+ "VALUES (?, 'Claims', 'Body', ?, ?)")
			.params(recipient, Timestamp.from(this.now), due)
			.update();
		return this.jdbc.sql("SELECT id FROM mail_outbox WHERE recipient = ?")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	private void claim(long id, Instant until) {
		this.jdbc
			.sql("UPDATE mail_outbox SET claimed_by = '00000000-0000-0000-0000-00000000dead', claimed_until = ? "
					+ "WHERE id = ?")
			.params(Timestamp.from(until), id)
			.update();
	}

	private int sentCount(List<Long> ids) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND id IN (:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single();
	}

	private int claimedCount(List<Long> ids) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE claimed_by IS NOT NULL AND id IN (:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single();
	}

	/** An SMTP server that records who it was asked to send to. */
	static class RecordingSender extends JavaMailSenderImpl {

		final List<String> recipients = new CopyOnWriteArrayList<>();

		volatile Runnable onFirstSend;

		@Override
		public void send(MimeMessage message) {
			send(new MimeMessage[] { message });
		}

		@Override
		public void send(MimeMessage... messages) {
			for (MimeMessage message : messages) {
				try {
					this.recipients.add(message.getAllRecipients()[0].toString());
				}
				catch (MessagingException ex) {
					throw new MailSendException("unreadable message", ex);
				}
				Runnable first = this.onFirstSend;
				if (first != null) {
					this.onFirstSend = null;
					first.run();
				}
			}
		}

	}

}

package com.rapport.portal.welcome;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.rapport.community.member.MemberEvents.EmailVerified;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.portal.account.MemberSettings;
import com.rapport.portal.mail.WelcomeMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The welcome sequence: when a member confirms their address a row per step is written;
 * the job sends each step when it is due as a message in the portal (a notification that
 * opens the message, in the language the member reads it in) and, when staff allow it and
 * the member keeps welcome mail on, as a mail. Each step is claimed by an atomic UPDATE
 * in the transaction that writes both, so with two app nodes each step is sent once. The
 * member stops the sequence from any of its messages; staff turn it, or its mails, off in
 * the member settings.
 */
@Component
class WelcomeSequence {

	private static final Logger log = LoggerFactory.getLogger(WelcomeSequence.class);

	/**
	 * A step that could not go out for this long (the sequence was off, no node ran) is
	 * still shown in the portal, where it waits among the notifications, but not mailed
	 * late.
	 */
	private static final Duration STALE = Duration.ofDays(2);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Notifications notifications;

	private final WelcomeMails mails;

	private final MemberSettings settings;

	private final Clock clock;

	WelcomeSequence(JdbcClient jdbc, TransactionTemplate transactions, Notifications notifications, WelcomeMails mails,
			MemberSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notifications = notifications;
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(EmailVerified event) {
		if (!this.settings.current().welcomeSequence()) {
			return;
		}
		Instant now = this.clock.instant();
		for (WelcomeStep step : WelcomeStep.values()) {
			this.jdbc.sql("INSERT IGNORE INTO welcome_step (member_id, step, due_at) VALUES (?, ?, ?)")
				.params(event.memberId(), step.ordinal(), Timestamp.from(now.plus(step.after())))
				.update();
		}
	}

	@Scheduled(fixedDelayString = "${rapport.welcome.interval:5m}",
			initialDelayString = "${rapport.welcome.interval:5m}")
	void run() {
		try {
			sendDue();
		}
		catch (DataAccessException ex) {
			log.warn("Welcome messages postponed, database unreachable: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Sends every welcome step that is due.
	 * @return how many steps were sent
	 */
	int sendDue() {
		MemberSettings.Settings current = this.settings.current();
		if (!current.welcomeSequence()) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<long[]> due = this.jdbc
			.sql("SELECT member_id, step FROM welcome_step WHERE sent_at IS NULL AND due_at <= ? "
					+ "ORDER BY due_at LIMIT " + BATCH)
			.param(Timestamp.from(now))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		int sent = 0;
		for (long[] row : due) {
			WelcomeStep step = WelcomeStep.values()[(int) row[1]];
			Boolean done = this.transactions
				.execute((status) -> claimAndSend(row[0], step, now, current.welcomeByMail()));
			sent += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return sent;
	}

	private boolean claimAndSend(long memberId, WelcomeStep step, Instant now, boolean byMail) {
		// the member row first, as stop() locks it: the two never wait for each other the
		// other way round, and a member who stopped the sequence a moment ago is seen
		// here
		boolean wanted = this.jdbc
			.sql("SELECT welcome_messages FROM member WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
			.param(memberId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!wanted) {
			return false;
		}
		int claimed = this.jdbc
			.sql("UPDATE welcome_step SET sent_at = ? WHERE member_id = ? AND step = ? AND sent_at IS NULL")
			.params(Timestamp.from(now), memberId, step.ordinal())
			.update();
		if (claimed == 0) {
			// another node took it
			return false;
		}
		Optional<Instant> dueAt = this.jdbc
			.sql("SELECT w.due_at FROM member m JOIN welcome_step w ON w.member_id = m.id "
					+ "WHERE m.id = ? AND w.step = ? AND m.deleted_at IS NULL AND m.welcome_messages")
			.params(memberId, step.ordinal())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
		if (dueAt.isEmpty()) {
			// deleted, or stopped the sequence meanwhile
			return false;
		}
		this.notifications.notify(memberId, NotificationKind.WELCOME, null, step.path(), Integer.toString(step.day()));
		if (byMail && !dueAt.get().isBefore(now.minus(STALE))) {
			this.mails.queue(memberId, step.ordinal());
		}
		return true;
	}

	/**
	 * Stops the viewer's welcome sequence: no more messages in the portal, no more mails.
	 * @param viewer the member
	 */
	@Transactional
	void stop(Viewer viewer) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("welcome", "welcome.loginRequired");
		}
		this.jdbc.sql("UPDATE member SET welcome_messages = FALSE WHERE id = ?").param(viewer.memberId()).update();
		this.jdbc.sql("DELETE FROM welcome_step WHERE member_id = ? AND sent_at IS NULL")
			.param(viewer.memberId())
			.update();
	}

	/**
	 * @param viewer the member
	 * @return whether the viewer still receives the sequence's messages
	 */
	boolean receiving(Viewer viewer) {
		return !viewer.isAnonymous() && this.jdbc.sql("SELECT welcome_messages FROM member WHERE id = ?")
			.param(viewer.memberId())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}

package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.rapport.community.member.MemberEvents.EmailVerified;
import com.rapport.portal.account.MemberSettings;
import com.rapport.portal.brand.BrandSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The welcome sequence: after a member confirms their address, a welcome with how to
 * start (day 0), popular topics (day 3) and tips (day 7). Each step is a row claimed by
 * an atomic UPDATE in the transaction that queues its mail, so with two app nodes each
 * step is sent once. Stops when the member turns it off or deletes their account; staff
 * turn the whole sequence off in the member settings.
 */
@Component
class WelcomeMails {

	private static final Logger log = LoggerFactory.getLogger(WelcomeMails.class);

	static final int[] DAYS = { 0, 3, 7 };

	/** A step that could not go out for this long (the sequence was off) is skipped. */
	private static final Duration STALE = Duration.ofDays(2);

	private static final int POPULAR = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final PortalLinks links;

	private final UnsubscribeLinks unsubscribe;

	private final BrandSettings brand;

	private final MemberSettings settings;

	private final Clock clock;

	WelcomeMails(JdbcClient jdbc, TransactionTemplate transactions, MailOutbox outbox, MessageSource messages,
			PortalLinks links, UnsubscribeLinks unsubscribe, BrandSettings brand, MemberSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.messages = messages;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.brand = brand;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(EmailVerified event) {
		if (!enabled()) {
			return;
		}
		Instant now = this.clock.instant();
		for (int step = 0; step < DAYS.length; step++) {
			this.jdbc.sql("INSERT IGNORE INTO welcome_mail (member_id, step, due_at) VALUES (?, ?, ?)")
				.params(event.memberId(), step, Timestamp.from(now.plus(Duration.ofDays(DAYS[step]))))
				.update();
		}
	}

	@Scheduled(fixedDelayString = "${rapport.mail.welcome.interval:5m}",
			initialDelayString = "${rapport.mail.welcome.interval:5m}")
	void run() {
		try {
			sendDue();
		}
		catch (DataAccessException ex) {
			log.warn("Welcome mails postponed, database unreachable: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Queues every welcome mail that is due.
	 * @return how many were queued
	 */
	int sendDue() {
		if (!enabled()) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<long[]> due = this.jdbc
			.sql("SELECT member_id, step FROM welcome_mail WHERE sent_at IS NULL AND due_at <= ? "
					+ "ORDER BY due_at LIMIT 200")
			.param(Timestamp.from(now))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		int queued = 0;
		for (long[] row : due) {
			Boolean sent = this.transactions.execute((status) -> claimAndQueue(row[0], (int) row[1], now));
			queued += Boolean.TRUE.equals(sent) ? 1 : 0;
		}
		return queued;
	}

	private boolean claimAndQueue(long memberId, int step, Instant now) {
		int claimed = this.jdbc
			.sql("UPDATE welcome_mail SET sent_at = ? WHERE member_id = ? AND step = ? AND sent_at IS NULL")
			.params(Timestamp.from(now), memberId, step)
			.update();
		if (claimed == 0) {
			// another node took it
			return false;
		}
		Optional<String[]> member = this.jdbc
			.sql("SELECT username, email, locale, w.due_at FROM member m JOIN welcome_mail w ON w.member_id = m.id "
					+ "WHERE m.id = ? AND w.step = ? AND m.deleted_at IS NULL AND m.email_welcome")
			.params(memberId, step)
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
							(rs.getTimestamp(4).toInstant().isBefore(now.minus(STALE))) ? "stale" : "" })
			.optional();
		if (member.isEmpty() || "stale".equals(member.get()[3])) {
			return false;
		}
		Locale locale = MemberLocale.of(member.get()[2]);
		String brandName = this.brand.current().name();
		String unsubscribeLink = this.unsubscribe.link(memberId, MailScope.WELCOME);
		String prefix = "mail.welcome." + step;
		String body = this.messages.getMessage(prefix + ".body",
				new Object[] { member.get()[0], brandName, this.links.link("/latest").toUriString(),
						this.links.link("/new-topic").toUriString(), this.links.link("/account/profile").toUriString(),
						popularTopics() },
				locale) + "\n\n-- \n"
				+ this.messages.getMessage("mail.welcome.footer",
						new Object[] { this.links.link("/account/email").toUriString(), unsubscribeLink }, locale);
		this.outbox.enqueue(member.get()[1],
				this.messages.getMessage(prefix + ".subject", new Object[] { brandName }, locale), body,
				unsubscribeLink);
		return true;
	}

	/**
	 * The most liked and answered topics of the last month that every member may read.
	 */
	private String popularTopics() {
		Timestamp since = Timestamp.from(this.clock.instant().minus(Duration.ofDays(30)));
		StringBuilder list = new StringBuilder();
		this.jdbc.sql("""
				SELECT t.id, t.slug, t.title FROM topic t JOIN category c ON c.id = t.category_id
				WHERE t.deleted_at IS NULL AND c.archived_at IS NULL AND c.read_role IN ('ANYONE', 'MEMBER')
				  AND t.last_posted_at > ?
				ORDER BY t.like_count + t.reply_count DESC, t.id DESC LIMIT ?
				""").params(since, POPULAR).query((rs, n) -> {
			list.append("- ")
				.append(rs.getString(3))
				.append("\n  ")
				.append(this.links.link("/t/{slug}/{id}")
					.buildAndExpand(rs.getString(2), rs.getLong(1))
					.encode()
					.toUriString())
				.append('\n');
			return n;
		}).list();
		return list.toString();
	}

	private boolean enabled() {
		return this.settings.current().welcomeMails();
	}

}

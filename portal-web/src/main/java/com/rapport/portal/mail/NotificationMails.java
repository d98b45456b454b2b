package com.rapport.portal.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.rapport.community.notification.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails notifications to members who are not on the site, like Discourse does: a
 * notification is mailed once, only if still unread a few minutes later, not while the
 * member is active, not when they already read the post, and everything due for a member
 * goes out in one mail (a busy watched topic is one notification, grouped while unread).
 * Members who chose a daily summary get one mail a day. Each member's notifications are
 * claimed with an UPDATE in the transaction that queues the mail, under a lock on the
 * member row, so two app nodes never mail the same notification.
 */
@Component
class NotificationMails {

	private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);

	/** Notifications older than this are not mailed any more: news that is stale. */
	private static final Duration OLDEST = Duration.ofDays(7);

	private static final int MEMBERS_PER_RUN = 200;

	private static final int ITEMS_PER_MAIL = 50;

	/**
	 * The member wants mail of the notification's kind (columns of member m, notification
	 * n).
	 */
	private static final String WANTED = "((n.kind IN ('MENTION', 'PRIVATE_MESSAGE', 'ANSWER_ACCEPTED') "
			+ "AND m.email_personal) OR (n.kind = 'REPLY' AND m.email_replies) "
			+ "OR (n.kind IN ('WATCHED_POST', 'NEW_TOPIC', 'IDEA_STATUS') AND m.email_watched))";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NotificationMailWriter writer;

	private final Clock clock;

	private final Duration delay;

	private final Duration away;

	NotificationMails(JdbcClient jdbc, TransactionTemplate transactions, NotificationMailWriter writer, Clock clock,
			@Value("${rapport.mail.notifications.delay:10m}") Duration delay,
			@Value("${rapport.mail.notifications.away:10m}") Duration away) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.writer = writer;
		this.clock = clock;
		this.delay = delay;
		this.away = away;
	}

	@Scheduled(fixedDelayString = "${rapport.mail.notifications.interval:60s}",
			initialDelayString = "${rapport.mail.notifications.interval:60s}")
	void run() {
		try {
			sendDue();
		}
		catch (DataAccessException ex) {
			log.warn("Notification mails postponed, database unreachable: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Queues every notification mail that is due now.
	 * @return how many mails were queued
	 */
	int sendDue() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		int queued = 0;
		for (long memberId : immediateCandidates(now)) {
			queued += send(memberId, now, false) ? 1 : 0;
		}
		for (long memberId : digestCandidates(now)) {
			queued += send(memberId, now, true) ? 1 : 0;
		}
		return queued;
	}

	private List<Long> immediateCandidates(Instant now) {
		return this.jdbc.sql("""
				SELECT DISTINCT n.member_id FROM notification n JOIN member m ON m.id = n.member_id
				WHERE n.emailed_at IS NULL AND n.read_at IS NULL AND n.created_at <= :ready AND n.created_at > :oldest
				  AND m.deleted_at IS NULL AND m.email_verified_at IS NOT NULL AND m.email_frequency = 'IMMEDIATE'
				  AND (m.last_seen_at IS NULL OR m.last_seen_at < :away) AND """ + WANTED + " LIMIT :limit")
			.param("ready", Timestamp.from(now.minus(this.delay)))
			.param("oldest", Timestamp.from(now.minus(OLDEST)))
			.param("away", Timestamp.from(now.minus(this.away)))
			.param("limit", MEMBERS_PER_RUN)
			.query(Long.class)
			.list();
	}

	private List<Long> digestCandidates(Instant now) {
		return this.jdbc.sql("""
				SELECT m.id FROM member m
				WHERE m.email_frequency = 'DAILY' AND m.deleted_at IS NULL AND m.email_verified_at IS NOT NULL
				  AND (m.last_digest_at IS NULL OR m.last_digest_at <= :dayAgo)
				  AND EXISTS (SELECT 1 FROM notification n WHERE n.member_id = m.id AND n.emailed_at IS NULL
				              AND n.read_at IS NULL AND n.created_at > :oldest AND """ + WANTED + ") LIMIT :limit")
			.param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("oldest", Timestamp.from(now.minus(OLDEST)))
			.param("limit", MEMBERS_PER_RUN)
			.query(Long.class)
			.list();
	}

	private boolean send(long memberId, Instant now, boolean digest) {
		Boolean queued = this.transactions.execute((status) -> claimAndQueue(memberId, now, digest));
		return Boolean.TRUE.equals(queued);
	}

	private boolean claimAndQueue(long memberId, Instant now, boolean digest) {
		Optional<NotificationMailWriter.Recipient> recipient = lockRecipient(memberId, now, digest);
		if (recipient.isEmpty()) {
			return false;
		}
		if (digest && this.jdbc
			.sql("UPDATE member SET last_digest_at = ? WHERE id = ? AND email_frequency = 'DAILY' "
					+ "AND (last_digest_at IS NULL OR last_digest_at <= ?)")
			.params(Timestamp.from(now), memberId, Timestamp.from(now.minus(Duration.ofDays(1))))
			.update() == 0) {
			return false;
		}
		List<String> kinds = recipient.get().wantedKinds().stream().map(NotificationKind::name).toList();
		if (kinds.isEmpty()) {
			return false;
		}
		Instant ready = digest ? now : now.minus(this.delay);
		// the claim: only this transaction's UPDATE can move emailed_at from NULL to now
		int claimed = this.jdbc.sql("""
				UPDATE notification SET emailed_at = :now
				WHERE member_id = :member AND emailed_at IS NULL AND read_at IS NULL
				  AND created_at <= :ready AND created_at > :oldest AND kind IN (:kinds)
				ORDER BY id LIMIT :limit
				""")
			.param("now", Timestamp.from(now))
			.param("member", memberId)
			.param("ready", Timestamp.from(ready))
			.param("oldest", Timestamp.from(now.minus(OLDEST)))
			.param("kinds", kinds)
			.param("limit", ITEMS_PER_MAIL)
			.update();
		if (claimed == 0) {
			return false;
		}
		List<NotificationMailWriter.Item> items = claimedItems(memberId, now);
		if (items.isEmpty()) {
			// everything was read on the topic page already: nothing to tell
			return false;
		}
		this.writer.queue(recipient.get(), items, digest);
		return true;
	}

	private Optional<NotificationMailWriter.Recipient> lockRecipient(long memberId, Instant now, boolean digest) {
		String condition = digest ? "email_frequency = 'DAILY'"
				: "email_frequency = 'IMMEDIATE' AND (last_seen_at IS NULL OR last_seen_at < :away)";
		String sql = "SELECT id, username, email, locale, email_personal, email_replies, email_watched FROM member "
				+ "WHERE id = :member AND deleted_at IS NULL AND email_verified_at IS NOT NULL AND ";
		return this.jdbc.sql(sql + condition + " FOR UPDATE")
			.param("member", memberId)
			.param("away", Timestamp.from(now.minus(this.away)))
			.query((rs, n) -> new NotificationMailWriter.Recipient(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)))
			.optional();
	}

	/**
	 * The notifications just claimed, without those whose post the member has read on the
	 * topic page meanwhile (reading a topic does not mark its notifications read).
	 */
	private List<NotificationMailWriter.Item> claimedItems(long memberId, Instant now) {
		record Row(NotificationMailWriter.Item item, boolean seen) {
		}
		return this.jdbc.sql("""
				SELECT n.id, n.kind, a.username, COALESCE(t.title, n.subject) AS title, n.detail,
				       ((n.post_number IS NOT NULL AND tm.last_read_post_number >= n.post_number)
				        OR (n.kind = 'PRIVATE_MESSAGE' AND EXISTS (SELECT 1 FROM conversation_member cm
				            WHERE cm.member_id = n.member_id AND cm.unread = 0
				              AND n.url = CONCAT('/messages/', cm.conversation_id)))) AS seen
				FROM notification n
				LEFT JOIN member a ON a.id = n.actor_id
				LEFT JOIN topic t ON t.id = n.topic_id
				LEFT JOIN topic_member tm ON tm.member_id = n.member_id AND tm.topic_id = n.topic_id
				WHERE n.member_id = ? AND n.emailed_at = ?
				ORDER BY n.id
				""")
			.params(memberId, Timestamp.from(now))
			.query((rs, n) -> new Row(
					new NotificationMailWriter.Item(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
							rs.getString("username"), rs.getString("title"), count(rs.getString("detail"))),
					rs.getBoolean("seen")))
			.list()
			.stream()
			.filter((row) -> !row.seen())
			.map(Row::item)
			.toList();
	}

	private static int count(String detail) {
		try {
			return Math.max(1, Integer.parseInt(String.valueOf(detail)));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}

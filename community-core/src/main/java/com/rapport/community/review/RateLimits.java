package com.rapport.community.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.rapport.db.cluster.RunOnce;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts per minute, topics per day and flags per day, counted in the database so the
 * limits hold across app nodes. Callers run inside a transaction that locks the member's
 * row first, so two requests of one member cannot both pass the last free slot.
 */
@Component
class RateLimits {

	enum Action {

		POST(Duration.ofMinutes(1), Setting.POSTS_PER_MINUTE, Setting.NEW_MEMBER_POSTS_PER_MINUTE),
		TOPIC(Duration.ofDays(1), Setting.TOPICS_PER_DAY, Setting.NEW_MEMBER_TOPICS_PER_DAY),
		FLAG(Duration.ofDays(1), Setting.FLAGS_PER_DAY, Setting.NEW_MEMBER_FLAGS_PER_DAY);

		private final Duration window;

		private final Setting limit;

		private final Setting newMemberLimit;

		Action(Duration window, Setting limit, Setting newMemberLimit) {
			this.window = window;
			this.limit = limit;
			this.newMemberLimit = newMemberLimit;
		}

	}

	private final JdbcClient jdbc;

	private final ReviewSettings settings;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, ReviewSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Refuses the action when the member already used up the limit of its window.
	 * @throws RateLimitedException saying when it may be tried again
	 */
	void check(long memberId, int trustLevel, Action action, String field) {
		int limit = this.settings.get((trustLevel == 0) ? action.newMemberLimit : action.limit);
		Instant now = this.clock.instant();
		Timestamp since = Timestamp.from(now.minus(action.window));
		int used = this.jdbc
			.sql("SELECT COUNT(*) FROM member_action WHERE member_id = ? AND action = ? AND acted_at > ?")
			.params(memberId, action.name(), since)
			.query(Integer.class)
			.single();
		if (used < limit) {
			return;
		}
		// the oldest action still counted leaves the window first; when more than the
		// limit
		// were counted (the limit was lowered), the one that brings the count under it
		Timestamp freedAt = this.jdbc
			.sql("SELECT acted_at FROM member_action WHERE member_id = ? AND action = ? AND acted_at > ? "
					+ "ORDER BY acted_at LIMIT 1 OFFSET ?")
			.params(memberId, action.name(), since, used - limit)
			.query(Timestamp.class)
			.single();
		Duration wait = Duration.between(now, freedAt.toInstant().plus(action.window));
		throw new RateLimitedException(field, "review.rateLimited." + action.name(),
				wait.isNegative() ? Duration.ZERO : wait);
	}

	void record(long memberId, Action action, String fingerprint) {
		this.jdbc.sql("INSERT INTO member_action (member_id, action, acted_at, fingerprint) VALUES (?, ?, ?, ?)")
			.params(memberId, action.name(), Timestamp.from(this.clock.instant()), fingerprint)
			.update();
	}

	/**
	 * Forgets actions older than the longest window (a day) and the same-text check (a
	 * day): any node may run it, running it twice does no harm.
	 */
	@Scheduled(fixedDelayString = "${rapport.review.purge-interval:1h}", initialDelayString = "5m")
	@RunOnce(value = "review-rate-limit-purge", every = "${rapport.review.purge-interval:1h}")
	void purge() {
		this.jdbc.sql("DELETE FROM member_action WHERE acted_at < ? LIMIT 10000")
			.param(Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.update();
	}

	/** How often the member posted this text in the last day. */
	int sameTextToday(long memberId, String fingerprint) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM member_action WHERE member_id = ? AND action = 'POST' AND acted_at > ? "
					+ "AND fingerprint = ?")
			.params(memberId, Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))), fingerprint)
			.query(Integer.class)
			.single();
	}

}

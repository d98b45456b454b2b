package com.rapport.community.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes review items. A post has at most one open item (its {@code open_key}); flags,
 * watched words and appeals on the same post add their reasons to it.
 */
@Component
class ReviewItems {

	static final int PRIORITY_APPEAL = 400;

	static final int PRIORITY_HELD = 300;

	static final int PRIORITY_FLAGGED = 100;

	static final int PRIORITY_HIDDEN_BONUS = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReviewItems(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a decision needs to know about an item, read under a row lock. */
	record Locked(long id, ReviewKind kind, String status, Long postId, Long queuedPostId, Long appealId, long authorId,
			Long excludedModeratorId, Long claimedBy, Timestamp claimedAt, Long decidedBy, String reasons) {

		boolean pending() {
			return "PENDING".equals(this.status);
		}

	}

	Optional<Locked> lock(long id) {
		return this.jdbc.sql("""
				SELECT id, kind, status, post_id, queued_post_id, appeal_id, author_id, excluded_moderator_id,
				       claimed_by, claimed_at, decided_by, reasons
				FROM review_item WHERE id = ? FOR UPDATE
				""")
			.param(id)
			.query((rs, n) -> new Locked(rs.getLong(1), ReviewKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getObject(6, Long.class),
					rs.getLong(7), rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getTimestamp(10),
					rs.getObject(11, Long.class), rs.getString(12)))
			.optional();
	}

	/**
	 * The open item of a post, created when there is none, locked.
	 * @return its id
	 */
	long openForPost(ReviewKind kind, long postId, long authorId, long categoryId, long topicId, String reason) {
		Optional<Long> existing = this.jdbc.sql("SELECT id FROM review_item WHERE open_key = ? FOR UPDATE")
			.param(openKey(postId))
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			addReason(existing.get(), reason);
			return existing.get();
		}
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO review_item (kind, reasons, priority, post_id, author_id, category_id, topic_id, open_key,
				                         created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(kind.name(), reason, PRIORITY_FLAGGED, postId, authorId, categoryId, topicId, openKey(postId),
					Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	long held(ReviewKind kind, long queuedPostId, long authorId, long categoryId, Long topicId, List<String> reasons) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO review_item (kind, reasons, priority, queued_post_id, author_id, category_id, topic_id,
				                         open_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(kind.name(), String.join(",", reasons), PRIORITY_HELD, queuedPostId, authorId, categoryId, topicId,
					"queued:" + queuedPostId, Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	long appeal(long appealId, long memberId, Long categoryId, Long topicId, Long excludedModerator, String reason) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO review_item (kind, reasons, priority, appeal_id, author_id, category_id, topic_id, open_key,
				                         excluded_moderator_id, created_at)
				VALUES ('APPEAL', ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(reason, PRIORITY_APPEAL, appealId, memberId, categoryId, topicId, "appeal:" + appealId,
					excludedModerator, Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Records a decision a moderator took outside the queue, already decided, so it can
	 * be appealed like one taken in the queue.
	 * @return its id
	 */
	long decidedOutsideQueue(long postId, long authorId, long categoryId, long topicId, Decision decision,
			long moderatorId, String note) {
		Timestamp now = Timestamp.from(this.clock.instant());
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO review_item (kind, status, reasons, priority, post_id, author_id, category_id, topic_id,
				                         created_at, decided_by, decided_at, decision, decision_note)
				VALUES ('MODERATOR', ?, 'moderator', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(decision.status(), postId, authorId, categoryId, topicId, now, moderatorId, now, decision.name(),
					note)
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	void addReason(long itemId, String reason) {
		String reasons = this.jdbc.sql("SELECT reasons FROM review_item WHERE id = ?")
			.param(itemId)
			.query(String.class)
			.single();
		Set<String> all = new LinkedHashSet<>(List.of(reasons.split(",")));
		if (all.add(reason)) {
			String joined = String.join(",", all);
			this.jdbc.sql("UPDATE review_item SET reasons = ? WHERE id = ?")
				.params((joined.length() > 500) ? reasons : joined, itemId)
				.update();
		}
	}

	void score(long itemId, BigDecimal score, boolean hidden) {
		int priority = PRIORITY_FLAGGED + score.multiply(BigDecimal.TEN).intValue()
				+ (hidden ? PRIORITY_HIDDEN_BONUS : 0);
		this.jdbc.sql("UPDATE review_item SET score = ?, priority = ? WHERE id = ?")
			.params(score, priority, itemId)
			.update();
	}

	void decide(long itemId, Decision decision, long moderatorId, String note) {
		this.jdbc.sql("""
				UPDATE review_item SET status = ?, decision = ?, decided_by = ?, decided_at = ?, decision_note = ?,
				       open_key = NULL, claimed_by = NULL, claimed_at = NULL, version = version + 1
				WHERE id = ?
				""")
			.params(decision.status(), decision.name(), moderatorId, Timestamp.from(this.clock.instant()), note, itemId)
			.update();
	}

	static String openKey(long postId) {
		return "post:" + postId;
	}

}

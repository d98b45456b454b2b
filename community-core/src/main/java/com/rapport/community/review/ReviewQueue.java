package com.rapport.community.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostRenderer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The review queue as moderators read it: pending items by priority, one item with its
 * flags, claims, and the counters on the moderation page. Decisions are made by
 * {@link ReviewDecisions}.
 */
@Service
public class ReviewQueue {

	/** Items per page. */
	public static final int PAGE_SIZE = 30;

	/** A claim older than this no longer keeps other moderators out. */
	public static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(15);

	private static final String SUMMARY = """
			SELECT i.id, i.kind, i.reasons, i.score, i.priority, m.username, c.name, COALESCE(t.title, q.title) AS title,
			       LEFT(COALESCE(p.raw, q.raw, a.statement), 200) AS excerpt, i.created_at, cm.username AS claimed_by
			FROM review_item i
			JOIN member m ON m.id = i.author_id
			LEFT JOIN category c ON c.id = i.category_id
			LEFT JOIN topic t ON t.id = i.topic_id
			LEFT JOIN post p ON p.id = i.post_id
			LEFT JOIN queued_post q ON q.id = i.queued_post_id
			LEFT JOIN appeal a ON a.id = i.appeal_id
			LEFT JOIN member cm ON cm.id = i.claimed_by AND i.claimed_at > :fresh
			""";

	/** How long the median time to decision is kept before it is read again. */
	static final Duration MEDIAN_KEPT = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Flags flags;

	private final PostRenderer renderer;

	private final Clock clock;

	private volatile KeptMedian keptMedian;

	ReviewQueue(JdbcClient jdbc, Flags flags, PostRenderer renderer, Clock clock) {
		this.jdbc = jdbc;
		this.flags = flags;
		this.renderer = renderer;
		this.clock = clock;
	}

	/**
	 * A page of pending items, highest priority first, oldest first among equals. Appeals
	 * of the viewer's own decisions are left out: another moderator decides them.
	 * @param viewer a moderator
	 * @param filter kind, category and cursor
	 * @return up to {@link #PAGE_SIZE} items and the cursor of the next page, if any
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public ReviewPage pending(Viewer viewer, ReviewFilter filter) {
		StringBuilder sql = new StringBuilder(SUMMARY).append(" WHERE i.status = 'PENDING'")
			.append(" AND (i.excluded_moderator_id IS NULL OR i.excluded_moderator_id <> :me)");
		var query = new ArrayList<Object[]>();
		query.add(new Object[] { "fresh", fresh() });
		query.add(new Object[] { "me", viewer.memberId() });
		if (filter.kind() != null) {
			sql.append(" AND i.kind = :kind");
			query.add(new Object[] { "kind", filter.kind().name() });
		}
		if (filter.categoryId() != null) {
			sql.append(" AND i.category_id = :category");
			query.add(new Object[] { "category", filter.categoryId() });
		}
		long[] cursor = parseCursor(filter.after());
		if (cursor != null) {
			sql.append(" AND (i.priority < :priority OR (i.priority = :priority AND i.id > :id))");
			query.add(new Object[] { "priority", cursor[0] });
			query.add(new Object[] { "id", cursor[1] });
		}
		sql.append(" ORDER BY i.priority DESC, i.id ASC LIMIT ").append(PAGE_SIZE + 1);
		var statement = this.jdbc.sql(sql.toString());
		for (Object[] param : query) {
			statement = statement.param((String) param[0], param[1]);
		}
		List<ReviewItemSummary> rows = statement.query(ReviewQueue::summary).list();
		String next = null;
		if (rows.size() > PAGE_SIZE) {
			rows = rows.subList(0, PAGE_SIZE);
			next = rows.get(PAGE_SIZE - 1).cursor();
		}
		return new ReviewPage(rows, next);
	}

	/**
	 * One item with what a moderator needs to decide.
	 * @param viewer a moderator
	 * @param id the item
	 * @return the item
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public Optional<ReviewItemDetail> item(Viewer viewer, long id) {
		return this.jdbc
			.sql(SUMMARY.replace("SELECT i.id,",
					"""
							SELECT i.status, i.version, i.post_id, i.topic_id, t.slug, p.post_number, p.hidden_at IS NOT NULL AS hidden,
							       COALESCE(p.raw, q.raw) AS raw, a.statement, a.subject, i.excluded_moderator_id, i.claimed_by AS claimer,
							       i.claimed_at, d.username AS decider, i.decided_at, i.decision_note, i.appeal_id,
							       EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = i.author_id AND r.role = 'STAFF') AS staff_author,
							       i.id,""")
					+ " LEFT JOIN member d ON d.id = i.decided_by WHERE i.id = :id")
			.param("fresh", fresh())
			.param("id", id)
			.query((rs, n) -> detail(viewer, rs))
			.optional();
	}

	private ReviewItemDetail detail(Viewer viewer, ResultSet rs) throws SQLException {
		ReviewItemSummary summary = summary(rs, 0);
		String raw = rs.getString("raw");
		String status = rs.getString("status");
		String whyNot = null;
		Long excluded = rs.getObject("excluded_moderator_id", Long.class);
		Long claimer = rs.getObject("claimer", Long.class);
		Timestamp claimedAt = rs.getTimestamp("claimed_at");
		if (!"PENDING".equals(status)) {
			whyNot = "review.alreadyDecided";
		}
		else if (excluded != null && excluded.equals(viewer.memberId())) {
			whyNot = "review.appeal.sameModerator";
		}
		else if (claimer != null && !claimer.equals(viewer.memberId())
				&& claimedAt.toInstant().isAfter(fresh().toInstant())) {
			whyNot = "review.claimedByOther";
		}
		else if (rs.getBoolean("staff_author") && !viewer.has(Role.STAFF)) {
			whyNot = "review.staffAuthor";
		}
		List<Flags.FlagView> itemFlags = this.flags.ofItem(summary.id());
		int number = rs.getInt("post_number");
		Integer postNumber = rs.wasNull() ? null : number;
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new ReviewItemDetail(summary, status, rs.getInt("version"), rs.getObject("post_id", Long.class),
				rs.getObject("topic_id", Long.class), rs.getString("slug"), postNumber, rs.getBoolean("hidden"), raw,
				(raw != null) ? this.renderer.render(raw) : null, itemFlags, rs.getString("statement"),
				appealedDecision(rs.getObject("appeal_id", Long.class)), rs.getString("decider"),
				(decidedAt != null) ? decidedAt.toInstant() : null, rs.getString("decision_note"), whyNot == null,
				whyNot);
	}

	private String appealedDecision(Long appealId) {
		if (appealId == null) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT CONCAT(a.subject, COALESCE(CONCAT(':', o.decision), '')) FROM appeal a
				LEFT JOIN review_item o ON o.id = a.decision_item_id WHERE a.id = ?
				""").param(appealId).query(String.class).optional().orElse(null);
	}

	/**
	 * Claims an item, so other moderators see it is being looked at and cannot act on it
	 * for {@link #CLAIM_TIMEOUT}.
	 * @param viewer a moderator
	 * @param id the item
	 * @throws StaleReviewException when it was decided or another moderator holds it
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public void claim(Viewer viewer, long id) {
		int claimed = this.jdbc.sql("""
				UPDATE review_item SET claimed_by = ?, claimed_at = ?
				WHERE id = ? AND status = 'PENDING' AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at <= ?)
				""")
			.params(viewer.memberId(), Timestamp.from(this.clock.instant()), id, viewer.memberId(), fresh())
			.update();
		if (claimed == 0) {
			throw staleness(id);
		}
	}

	/**
	 * Gives a claimed item back to the queue.
	 * @param viewer the moderator who claimed it
	 * @param id the item
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public void release(Viewer viewer, long id) {
		this.jdbc.sql("UPDATE review_item SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND claimed_by = ?")
			.params(id, viewer.memberId())
			.update();
	}

	StaleReviewException staleness(long id) {
		return this.jdbc.sql("""
				SELECT i.status, COALESCE(d.username, c.username) FROM review_item i
				LEFT JOIN member d ON d.id = i.decided_by LEFT JOIN member c ON c.id = i.claimed_by WHERE i.id = ?
				""")
			.param(id)
			.query((rs, n) -> "PENDING".equals(rs.getString(1))
					? new StaleReviewException("review.claimedByOther", rs.getString(1), rs.getString(2))
					: new StaleReviewException("review.alreadyDecided", rs.getString(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new RejectedException("item", "review.notFound"));
	}

	/**
	 * The counters on the moderation page.
	 * @param viewer a moderator
	 * @return items waiting and the median time to a decision over the last 30 days
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public QueueCounters counters(Viewer viewer) {
		int waiting = this.jdbc.sql("SELECT COUNT(*) FROM review_item WHERE status = 'PENDING'")
			.query(Integer.class)
			.single();
		return new QueueCounters(waiting, medianTimeToDecision());
	}

	/**
	 * The median over 30 days moves slowly, so it is kept for {@link #MEDIAN_KEPT} rather
	 * than read again (every decision of the month) on each view of the queue; the number
	 * of items waiting is always read live.
	 */
	private Duration medianTimeToDecision() {
		Instant now = this.clock.instant();
		KeptMedian kept = this.keptMedian;
		if (kept != null && now.isBefore(kept.at().plus(MEDIAN_KEPT)) && !now.isBefore(kept.at())) {
			return kept.median();
		}
		List<Long> seconds = this.jdbc
			.sql("SELECT TIMESTAMPDIFF(SECOND, created_at, decided_at) FROM review_item WHERE decided_at >= ? "
					+ "AND kind <> 'MODERATOR'")
			.param(Timestamp.from(now.minus(Duration.ofDays(30))))
			.query(Long.class)
			.list();
		Duration median = median(seconds);
		this.keptMedian = new KeptMedian(median, now);
		return median;
	}

	private record KeptMedian(Duration median, Instant at) {
	}

	static Duration median(List<Long> seconds) {
		if (seconds.isEmpty()) {
			return null;
		}
		long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
		int middle = sorted.length / 2;
		long value = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return Duration.ofSeconds(value);
	}

	/**
	 * Items waiting and how fast moderators decide.
	 *
	 * @param waiting pending items
	 * @param medianTimeToDecision median time from entering the queue to a decision, last
	 * 30 days; null when nothing was decided
	 */
	public record QueueCounters(int waiting, Duration medianTimeToDecision) {
	}

	/**
	 * A page of the queue.
	 *
	 * @param items the items
	 * @param next the cursor of the next page, or null
	 */
	public record ReviewPage(List<ReviewItemSummary> items, String next) {

		public ReviewPage {
			items = List.copyOf(items);
		}

	}

	Timestamp fresh() {
		return Timestamp.from(this.clock.instant().minus(CLAIM_TIMEOUT));
	}

	private static long[] parseCursor(String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		String[] parts = after.split("_", 3);
		try {
			return (parts.length == 2) ? new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) } : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static ReviewItemSummary summary(ResultSet rs, int row) throws SQLException {
		BigDecimal score = rs.getBigDecimal("score");
		return new ReviewItemSummary(rs.getLong("id"), ReviewKind.valueOf(rs.getString("kind")),
				Arrays.asList(rs.getString("reasons").split(",")), score, rs.getInt("priority"),
				rs.getString("username"), rs.getString("name"), rs.getString("title"), rs.getString("excerpt"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("claimed_by"));
	}

	Instant now() {
		return this.clock.instant();
	}

}

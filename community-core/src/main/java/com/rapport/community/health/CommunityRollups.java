package com.rapport.community.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.rapport.community.topic.PostEvents.AnswerAccepted;

import com.rapport.db.cluster.RunOnce;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls up members, posts and flags into the community health tables, in batches, as they
 * arrive: a job every {@code rapport.community.rollup-interval} (default 30 s) takes the
 * rows past each source's watermark, counts them on their day in the brand's time zone
 * ({@code rapport.time-zone}, default UTC) and moves the watermark, in one transaction
 * per batch. The watermark row is locked while a batch is counted, so with several nodes
 * each row is counted once. {@link #rebuild()} starts over from the raw rows.
 */
@Component
public class CommunityRollups {

	static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	private final Clock clock;

	private final AtomicLong generation = new AtomicLong();

	CommunityRollups(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock,
			@Value("${rapport.time-zone:UTC}") String zone) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.zone = ZoneId.of(zone);
	}

	@Scheduled(fixedDelayString = "${rapport.community.rollup-interval:30s}",
			initialDelayString = "${rapport.community.rollup-initial-delay:10s}")
	@RunOnce(value = "community-rollups", every = "${rapport.community.rollup-interval:30s}")
	void scheduled() {
		advance();
	}

	/**
	 * Counts every row that arrived since the last run.
	 * @return how many rows were counted
	 */
	public int advance() {
		int total = 0;
		total += drain(this::members);
		total += drain(this::posts);
		total += drain(this::flags);
		if (total > 0) {
			this.generation.incrementAndGet();
		}
		return total;
	}

	/**
	 * A number that grows whenever this node changed the rollups, so that what was read
	 * from them can be kept until then.
	 * @return the current generation
	 */
	long generation() {
		return this.generation.get();
	}

	/**
	 * Empties the rollups and counts every row again, e.g. after a restore.
	 * @return how many rows were counted
	 */
	public int rebuild() {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("SELECT last_id FROM rollup_watermark WHERE name LIKE 'community.%' FOR UPDATE")
				.query(Long.class)
				.list();
			for (String table : List.of("community_day", "community_active_member", "topic_response_time",
					"community_sentiment_day")) {
				this.jdbc.sql("DELETE FROM " + table).update();
			}
			this.jdbc.sql("UPDATE rollup_watermark SET last_id = 0 WHERE name LIKE 'community.%'").update();
		});
		return advance();
	}

	private int drain(java.util.function.IntSupplier batch) {
		int total = 0;
		int counted;
		do {
			counted = this.transactions.execute((status) -> batch.getAsInt());
			total += counted;
		}
		while (counted == BATCH);
		return total;
	}

	private long watermark(String name) {
		return this.jdbc.sql("SELECT last_id FROM rollup_watermark WHERE name = ? FOR UPDATE")
			.param(name)
			.query(Long.class)
			.single();
	}

	private void moveWatermark(String name, long lastId) {
		this.jdbc.sql("UPDATE rollup_watermark SET last_id = ? WHERE name = ?").params(lastId, name).update();
	}

	private int members() {
		return countPerDay("community.member", "member", "new_members");
	}

	private int flags() {
		return countPerDay("community.flag", "post_flag", "flags");
	}

	/**
	 * Counts the next batch of rows of {@code table} past the watermark into a column of
	 * {@code community_day}, on the day each row was made. Table and column are this
	 * class's constants, never input.
	 */
	private int countPerDay(String watermarkName, String table, String column) {
		long last = watermark(watermarkName);
		List<Object[]> rows = this.jdbc.sql("SELECT id, created_at FROM " + table + " WHERE id > ? ORDER BY id LIMIT ?")
			.params(last, BATCH)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getTimestamp(2) })
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		Map<LocalDate, Integer> perDay = new HashMap<>();
		rows.forEach((row) -> perDay.merge(day((Timestamp) row[1]), 1, Integer::sum));
		perDay.forEach((day, count) -> addToDay(day, column, count));
		moveWatermark(watermarkName, (Long) rows.get(rows.size() - 1)[0]);
		return rows.size();
	}

	private int posts() {
		long last = watermark("community.post");
		List<PostRow> rows = this.jdbc.sql("""
				SELECT p.id, p.topic_id, p.post_number, p.author_id, p.created_at, t.category_id, t.author_id,
				       p.sentiment_label, p.sentiment_score,
				       EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = p.author_id
				               AND r.role IN ('MODERATOR', 'STAFF')) AS staff,
				       (SELECT s.created_at FROM post s WHERE s.id = t.solved_post_id) AS solved_at
				FROM post p JOIN topic t ON t.id = p.topic_id
				WHERE p.id > ? ORDER BY p.id LIMIT ?""")
			.params(last, BATCH)
			.query((rs, n) -> new PostRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getTimestamp(5),
					rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getObject(9, Double.class), rs.getBoolean(10),
					rs.getTimestamp(11)))
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		Map<LocalDate, int[]> perDay = new HashMap<>();
		Set<List<Object>> active = new HashSet<>();
		Map<List<Object>, double[]> sentiment = new HashMap<>();
		List<Object[]> topics = new ArrayList<>();
		List<Object[]> replies = new ArrayList<>();
		for (PostRow row : rows) {
			LocalDate day = day(row.createdAt());
			perDay.computeIfAbsent(day, (d) -> new int[2])[(row.postNumber() == 1) ? 0 : 1]++;
			active.add(List.of(day, row.authorId()));
			double[] figures = sentiment.computeIfAbsent(List.of(day, row.categoryId()), (k) -> new double[5]);
			figures[0]++;
			if (row.score() != null) {
				figures[1]++;
				figures[4] += row.score();
			}
			figures[2] += "NEGATIVE".equals(row.label()) ? 1 : 0;
			figures[3] += "POSITIVE".equals(row.label()) ? 1 : 0;
			if (row.postNumber() == 1) {
				topics.add(new Object[] { row.topicId(), row.categoryId(), row.authorId(), row.createdAt(),
						row.solvedAt() });
			}
			else if (row.authorId() != row.topicAuthorId()) {
				replies.add(new Object[] { row.createdAt(), row.staff() ? row.createdAt() : null, row.topicId() });
			}
		}
		perDay.forEach((day, counts) -> {
			addToDay(day, "topics", counts[0]);
			addToDay(day, "replies", counts[1]);
		});
		this.template.batchUpdate("INSERT IGNORE INTO community_active_member (day, member_id) VALUES (?, ?)",
				active.stream()
					.map((key) -> new Object[] { java.sql.Date.valueOf((LocalDate) key.get(0)), key.get(1) })
					.toList());
		this.template.batchUpdate("""
				INSERT INTO community_sentiment_day (day, category_id, posts, analysed, negative, positive, score_sum)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE posts = posts + VALUES(posts), analysed = analysed + VALUES(analysed),
				    negative = negative + VALUES(negative), positive = positive + VALUES(positive),
				    score_sum = score_sum + VALUES(score_sum)""",
				sentiment.entrySet()
					.stream()
					.map((e) -> new Object[] { java.sql.Date.valueOf((LocalDate) e.getKey().get(0)), e.getKey().get(1),
							(int) e.getValue()[0], (int) e.getValue()[1], (int) e.getValue()[2], (int) e.getValue()[3],
							e.getValue()[4] })
					.toList());
		this.template.batchUpdate("INSERT IGNORE INTO topic_response_time (topic_id, category_id, author_id, "
				+ "created_at, solved_at) VALUES (?, ?, ?, ?, ?)", topics);
		this.template.batchUpdate("UPDATE topic_response_time SET first_reply_at = COALESCE(first_reply_at, ?), "
				+ "first_staff_reply_at = COALESCE(first_staff_reply_at, ?) WHERE topic_id = ?", replies);
		moveWatermark("community.post", rows.get(rows.size() - 1).id());
		return rows.size();
	}

	@EventListener
	void on(AnswerAccepted event) {
		this.jdbc.sql("UPDATE topic_response_time SET solved_at = COALESCE(solved_at, ?) WHERE topic_id = ?")
			.params(Timestamp.from(this.clock.instant()), event.topicId())
			.update();
		this.generation.incrementAndGet();
	}

	private void addToDay(LocalDate day, String column, int count) {
		if (count == 0) {
			return;
		}
		// the column is one of this class's constants, never input
		this.jdbc
			.sql("INSERT INTO community_day (day, " + column + ") VALUES (?, ?) ON DUPLICATE KEY UPDATE " + column
					+ " = " + column + " + VALUES(" + column + ")")
			.params(java.sql.Date.valueOf(day), count)
			.update();
	}

	private LocalDate day(Timestamp timestamp) {
		return timestamp.toInstant().atZone(this.zone).toLocalDate();
	}

	private record PostRow(long id, long topicId, int postNumber, long authorId, Timestamp createdAt, long categoryId,
			long topicAuthorId, String label, Double score, boolean staff, Timestamp solvedAt) {
	}

}

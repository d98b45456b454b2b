package com.rapport.community.health;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rapport.community.health.HealthOverview.DayFigures;
import com.rapport.community.health.HealthOverview.TopicLine;
import com.rapport.community.member.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reads the community health rollups for the staff overview. Every figure comes from the
 * rollup tables, which hold a few rows per day, never from the posts themselves.
 */
@Service
public class CommunityHealth {

	static final Duration UNANSWERED_AFTER = Duration.ofHours(48);

	static final int LIST_SIZE = 20;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final Duration target;

	private final CommunityRollups rollups;

	private final Duration keep;

	private final Map<Integer, Kept> overviews = new ConcurrentHashMap<>();

	CommunityHealth(JdbcClient jdbc, Clock clock, CommunityRollups rollups,
			@Value("${rapport.time-zone:UTC}") String zone,
			@Value("${rapport.community.first-staff-reply-target:24h}") Duration target,
			@Value("${rapport.community.rollup-interval:30s}") Duration keep) {
		this.rollups = rollups;
		this.keep = keep;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.target = target;
	}

	/**
	 * The overview of the last {@code days} days, today included.
	 * @param viewer a staff member
	 * @param days how many days, 7 to 365
	 * @return the figures
	 */
	@PreAuthorize("hasRole('STAFF')")
	public HealthOverview overview(Viewer viewer, int days) {
		requireStaff(viewer);
		// the rollups change only when the job runs: an overview read since then, at most
		// one rollup interval ago, is still right (another node's run shows within that)
		Instant now = this.clock.instant();
		long generation = this.rollups.generation();
		Kept kept = this.overviews.get(days);
		if (kept != null && kept.generation() == generation && !now.isAfter(kept.at().plus(this.keep))
				&& !now.isBefore(kept.at())) {
			return kept.overview();
		}
		HealthOverview overview = compute(now, days);
		this.overviews.put(days, new Kept(overview, generation, now));
		return overview;
	}

	private HealthOverview compute(Instant now, int days) {
		LocalDate today = now.atZone(this.zone).toLocalDate();
		LocalDate from = today.minusDays(days - 1L);
		Map<LocalDate, DayFigures> byDay = new HashMap<>();
		this.jdbc.sql("SELECT day, new_members, topics, replies, flags FROM community_day WHERE day BETWEEN ? AND ?")
			.params(Date.valueOf(from), Date.valueOf(today))
			.query((rs, n) -> new DayFigures(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5)))
			.list()
			.forEach((figures) -> byDay.put(figures.day(), figures));
		List<DayFigures> series = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
			series.add(byDay.getOrDefault(day, new DayFigures(day, 0, 0, 0, 0)));
		}
		Instant start = from.atStartOfDay(this.zone).toInstant();
		List<Object[]> topics = this.jdbc
			.sql("SELECT created_at, first_reply_at, first_staff_reply_at, solved_at FROM topic_response_time "
					+ "WHERE created_at >= ?")
			.param(Timestamp.from(start))
			.query((rs,
					n) -> new Object[] { rs.getTimestamp(1), rs.getTimestamp(2), rs.getTimestamp(3),
							rs.getTimestamp(4) })
			.list();
		List<Duration> firstReply = new ArrayList<>();
		List<Duration> firstStaffReply = new ArrayList<>();
		int solved = 0;
		for (Object[] topic : topics) {
			Instant created = ((Timestamp) topic[0]).toInstant();
			if (topic[1] != null) {
				firstReply.add(Duration.between(created, ((Timestamp) topic[1]).toInstant()));
			}
			if (topic[2] != null) {
				firstStaffReply.add(Duration.between(created, ((Timestamp) topic[2]).toInstant()));
			}
			solved += (topic[3] != null) ? 1 : 0;
		}
		Timestamp unansweredBefore = Timestamp.from(now.minus(UNANSWERED_AFTER));
		int unanswered = this.jdbc
			.sql("SELECT COUNT(*) FROM topic_response_time r JOIN topic t ON t.id = r.topic_id "
					+ "WHERE r.first_reply_at IS NULL AND r.created_at < ? AND t.deleted_at IS NULL")
			.param(unansweredBefore)
			.query(Integer.class)
			.single();
		List<TopicLine> unansweredTopics = lines("r.first_reply_at IS NULL AND r.created_at < ?", unansweredBefore);
		List<TopicLine> breaching = lines(
				"r.created_at >= ? AND r.created_at < ? AND (r.first_staff_reply_at IS NULL "
						+ "OR TIMESTAMPDIFF(SECOND, r.created_at, r.first_staff_reply_at) > ?)",
				Timestamp.from(start), Timestamp.from(now.minus(this.target)), this.target.toSeconds());
		return new HealthOverview(from, today, series, active(today, today), active(today.minusDays(6), today),
				active(today.minusDays(29), today), median(firstReply), median(firstStaffReply), this.target,
				topics.size(), solved, unanswered, unansweredTopics, breaching);
	}

	/**
	 * The sentiment of posts per category, week by week (weeks start on Monday).
	 * @param viewer a staff member
	 * @param weeks how many weeks, this one included
	 * @return one entry per category that had posts, by name
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<CategorySentiment> sentimentByCategory(Viewer viewer, int weeks) {
		requireStaff(viewer);
		LocalDate thisWeek = this.clock.instant()
			.atZone(this.zone)
			.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisWeek.minusWeeks(weeks - 1L);
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Map<LocalDate, int[]>> counts = new HashMap<>();
		Map<Long, Map<LocalDate, Double>> sums = new HashMap<>();
		this.jdbc.sql("""
				SELECT s.category_id, c.name, s.day, s.posts, s.analysed, s.negative, s.positive, s.score_sum
				FROM community_sentiment_day s JOIN category c ON c.id = s.category_id
				WHERE s.day >= ? ORDER BY c.name, s.category_id""").param(Date.valueOf(first)).query((rs, n) -> {
			long category = rs.getLong(1);
			names.put(category, rs.getString(2));
			LocalDate week = rs.getDate(3).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			int[] c = counts.computeIfAbsent(category, (k) -> new HashMap<>()).computeIfAbsent(week, (k) -> new int[4]);
			c[0] += rs.getInt(4);
			c[1] += rs.getInt(5);
			c[2] += rs.getInt(6);
			c[3] += rs.getInt(7);
			sums.computeIfAbsent(category, (k) -> new HashMap<>()).merge(week, rs.getDouble(8), Double::sum);
			return category;
		}).list();
		List<CategorySentiment> result = new ArrayList<>();
		names.forEach((category, name) -> {
			List<CategorySentiment.Week> series = new ArrayList<>();
			for (LocalDate week = first; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
				int[] c = counts.get(category).getOrDefault(week, new int[4]);
				series.add(new CategorySentiment.Week(week, c[0], c[1], c[2], c[3],
						sums.get(category).getOrDefault(week, 0.0)));
			}
			result.add(new CategorySentiment(category, name, series));
		});
		return result;
	}

	private int active(LocalDate from, LocalDate to) {
		return this.jdbc.sql("SELECT COUNT(DISTINCT member_id) FROM community_active_member WHERE day BETWEEN ? AND ?")
			.params(Date.valueOf(from), Date.valueOf(to))
			.query(Integer.class)
			.single();
	}

	private List<TopicLine> lines(String condition, Object... params) {
		return this.jdbc.sql(
				"SELECT t.id, t.slug, t.title, r.created_at FROM topic_response_time r JOIN topic t ON t.id = r.topic_id "
						+ "WHERE t.deleted_at IS NULL AND " + condition + " ORDER BY r.created_at LIMIT " + LIST_SIZE)
			.params(params)
			.query((rs, n) -> new TopicLine(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	static Duration median(List<Duration> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Duration> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}

	private record Kept(HealthOverview overview, long generation, Instant at) {
	}

	private static void requireStaff(Viewer viewer) {
		if (viewer == null || !viewer.isStaff()) {
			throw new AccessDeniedException("Staff only");
		}
	}

}

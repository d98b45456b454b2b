package com.rapport.community.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * "What hurts" this week: the topics with the most negative posts of the last 7 days, and
 * the words that drove negative posts this week far more often than in an average week of
 * the four before. Read from the posts' stored sentiment through the index on (label,
 * created_at): only the negative posts of five weeks are read, and the answer is kept for
 * a minute.
 */
@Service
public class WhatHurts {

	/** Topics and terms listed. */
	public static final int LIST_SIZE = 10;

	/** A term must drive at least this many negative posts this week to be listed. */
	public static final int MIN_MENTIONS = 2;

	static final Duration WEEK = Duration.ofDays(7);

	static final int BASELINE_WEEKS = 4;

	private static final Duration KEPT = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Kept kept;

	WhatHurts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * This week's report.
	 * @param viewer a staff member
	 * @return the angriest topics and the rising terms
	 */
	@PreAuthorize("hasRole('STAFF')")
	public Report report(Viewer viewer) {
		if (viewer == null || !viewer.isStaff()) {
			throw new AccessDeniedException("Staff only");
		}
		Instant now = this.clock.instant();
		Kept current = this.kept;
		if (current != null && !now.isBefore(current.at()) && now.isBefore(current.at().plus(KEPT))) {
			return current.report();
		}
		Report report = compute(now);
		this.kept = new Kept(report, now);
		return report;
	}

	Report compute(Instant now) {
		Instant weekStart = now.minus(WEEK);
		Instant baselineStart = weekStart.minus(WEEK.multipliedBy(BASELINE_WEEKS));
		List<AngryTopic> topics = this.jdbc.sql("""
				SELECT t.id, t.slug, t.title, COUNT(*) AS negatives, MIN(p.sentiment_score) AS worst
				FROM post p JOIN topic t ON t.id = p.topic_id
				WHERE p.sentiment_label = 'NEGATIVE' AND p.created_at >= ? AND p.created_at <= ?
				  AND p.deleted_at IS NULL AND t.deleted_at IS NULL
				GROUP BY t.id, t.slug, t.title
				ORDER BY negatives DESC, worst, t.id DESC LIMIT ?
				""")
			.params(Timestamp.from(weekStart), Timestamp.from(now), LIST_SIZE)
			.query((rs, n) -> new AngryTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getBigDecimal(5).doubleValue()))
			.list();
		Map<String, int[]> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT p.created_at, p.sentiment_drivers FROM post p
				WHERE p.sentiment_label = 'NEGATIVE' AND p.created_at >= ? AND p.created_at <= ?
				  AND p.deleted_at IS NULL AND p.sentiment_drivers <> ''
				""").params(Timestamp.from(baselineStart), Timestamp.from(now)).query((rs) -> {
			boolean thisWeek = !rs.getTimestamp(1).toInstant().isBefore(weekStart);
			for (String term : terms(rs.getString(2))) {
				counts.computeIfAbsent(term, (t) -> new int[2])[thisWeek ? 0 : 1]++;
			}
		});
		List<RisingTerm> terms = new ArrayList<>();
		counts.forEach((term, c) -> {
			double usual = (double) c[1] / BASELINE_WEEKS;
			if (c[0] >= MIN_MENTIONS && c[0] > usual) {
				terms.add(new RisingTerm(term, c[0], usual));
			}
		});
		terms.sort(Comparator.comparingDouble(RisingTerm::rise)
			.reversed()
			.thenComparing(Comparator.comparingInt(RisingTerm::thisWeek).reversed())
			.thenComparing(RisingTerm::term));
		return new Report(topics, terms.subList(0, Math.min(LIST_SIZE, terms.size())));
	}

	/** The distinct driving words of one post, in lower case. */
	static List<String> terms(String drivers) {
		List<String> terms = new ArrayList<>();
		for (String part : drivers.split(",")) {
			String term = part.strip().toLowerCase(Locale.ROOT);
			if (!term.isEmpty() && !terms.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

	/**
	 * The report.
	 *
	 * @param topics the topics with the most negative posts this week, most first
	 * @param terms the terms whose use in negative posts rose most
	 */
	public record Report(List<AngryTopic> topics, List<RisingTerm> terms) {

		public Report {
			topics = List.copyOf(topics);
			terms = List.copyOf(terms);
		}

	}

	/**
	 * A topic with negative posts this week.
	 *
	 * @param topicId the topic
	 * @param slug its slug
	 * @param title its title
	 * @param negatives its negative posts of the last 7 days
	 * @param worst the lowest score among them
	 */
	public record AngryTopic(long topicId, String slug, String title, int negatives, double worst) {
	}

	/**
	 * A term driving negative posts more often this week than usual.
	 *
	 * @param term the word or phrase
	 * @param thisWeek negative posts of the last 7 days it drove
	 * @param usual negative posts it drove in an average week of the four before
	 */
	public record RisingTerm(String term, int thisWeek, double usual) {

		/** How many more negative posts than usual. */
		public double rise() {
			return this.thisWeek - this.usual;
		}

		/** The usual weekly count, to one decimal. */
		public String usualText() {
			return String.format(Locale.ROOT, "%.1f", this.usual);
		}

	}

	private record Kept(Report report, Instant at) {
	}

}

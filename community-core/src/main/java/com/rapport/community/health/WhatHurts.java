package com.rapport.community.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.List;

import com.rapport.community.member.Viewer;
import com.rapport.survey.sentiment.RisingTerms;
import com.rapport.survey.sentiment.RisingTerms.RisingTerm;
import com.rapport.survey.support.Memo;

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

	static final Duration WEEK = Duration.ofDays(7);

	static final int BASELINE_WEEKS = 4;

	private static final Duration KEPT = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Memo<Report> kept;

	WhatHurts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.kept = new Memo<>(clock, KEPT);
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
		return this.kept.get(this::compute);
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
		RisingTerms rising = new RisingTerms(BASELINE_WEEKS);
		this.jdbc.sql("""
				SELECT p.created_at, p.sentiment_drivers FROM post p
				WHERE p.sentiment_label = 'NEGATIVE' AND p.created_at >= ? AND p.created_at <= ?
				  AND p.deleted_at IS NULL AND p.sentiment_drivers <> ''
				""").params(Timestamp.from(baselineStart), Timestamp.from(now)).query((rs) -> {
			rising.add(rs.getString(2), !rs.getTimestamp(1).toInstant().isBefore(weekStart));
		});
		return new Report(topics, rising.top(LIST_SIZE));
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

}

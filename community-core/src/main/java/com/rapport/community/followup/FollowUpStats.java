package com.rapport.community.followup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * How well the loop is closed: the share of detractors contacted within 48 hours, and how
 * the detractors who answered the same survey again answered the second time.
 */
@Service
public class FollowUpStats {

	static final Duration CONTACT_TARGET = Duration.ofHours(48);

	private final JdbcClient jdbc;

	private final Clock clock;

	FollowUpStats(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The overview of the last {@code days} days.
	 * @param viewer a staff member
	 * @param days how far back
	 * @param surveyId only the detractors of this survey, or null for all surveys
	 * @return the figures
	 */
	@PreAuthorize("hasRole('STAFF')")
	public FollowUpOverview overview(Viewer viewer, int days, Long surveyId) {
		FollowUps.requireStaff(viewer);
		Instant now = this.clock.instant();
		Timestamp since = Timestamp.from(now.minus(Duration.ofDays(days)));
		int[] open = this.jdbc
			.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) FROM follow_up "
					+ "WHERE status = 'OPEN'")
			.param(Timestamp.from(now))
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		// a detractor opened less than 48 hours ago can still be contacted in time: it
		// counts only once contacted or once its 48 hours are over
		int[] contact = this.jdbc
			.sql("""
					SELECT COUNT(*),
					       COALESCE(SUM(CASE WHEN contacted_at IS NOT NULL
					                          AND TIMESTAMPDIFF(SECOND, created_at, contacted_at) <= ? THEN 1 ELSE 0 END), 0)
					FROM follow_up
					WHERE source = 'RESPONSE' AND created_at >= ? AND (created_at <= ? OR contacted_at IS NOT NULL)
					 AND (? IS NULL OR survey_id = ?)""")
			.params(CONTACT_TARGET.toSeconds(), since, Timestamp.from(now.minus(CONTACT_TARGET)), surveyId, surveyId)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		List<int[]> pairs = this.jdbc.sql("""
				SELECT f.score,
				       (SELECT a.number_value
				        FROM survey_response r
				        JOIN survey_answer a ON a.response_id = r.id
				        JOIN survey_question q ON q.id = a.question_id AND q.question_type = 'NPS'
				        WHERE r.survey_id = f.survey_id AND r.respondent_hash = f.respondent_hash
				          AND r.status = 'COMPLETE' AND r.id <> f.response_id AND r.completed_at > f.created_at
				          AND a.number_value IS NOT NULL
				        ORDER BY r.completed_at, r.id LIMIT 1) AS later
				FROM follow_up f
				WHERE f.source = 'RESPONSE' AND f.created_at >= ? AND f.respondent_hash IS NOT NULL
				  AND (? IS NULL OR f.survey_id = ?)""")
			.params(since, surveyId, surveyId)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getObject(2) == null ? -1 : rs.getInt(2) })
			.list()
			.stream()
			.filter((pair) -> pair[1] >= 0)
			.toList();
		Double before = pairs.isEmpty() ? null : pairs.stream().mapToInt((p) -> p[0]).average().orElse(0);
		Double after = pairs.isEmpty() ? null : pairs.stream().mapToInt((p) -> p[1]).average().orElse(0);
		int improved = (int) pairs.stream().filter((p) -> p[1] > FollowUpOpener.DETRACTOR_MAX).count();
		return new FollowUpOverview(days, open[0], open[1], contact[0], contact[1], pairs.size(), before, after,
				improved);
	}

}

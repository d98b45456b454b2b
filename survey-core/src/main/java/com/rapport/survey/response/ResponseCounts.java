package com.rapport.survey.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code survey.response_count}, the completed responses shown to staff, equal to
 * the completed responses stored. The count is raised just after a response's transaction
 * commits (inside it, it would deadlock against the inserts of concurrent responses), in
 * one statement that also marks the response counted ({@link #RAISE}). A database outage
 * at that very moment leaves the response stored, complete and not counted: a recount
 * finds such responses and makes their raise with the same statement, which does nothing
 * for a response counted meanwhile, so no response is counted twice. It then compares
 * each survey's count with its counted responses (a count changed by hand, a restore) and
 * corrects a difference read in one snapshot, unless the count moved meanwhile.
 */
@Service
public class ResponseCounts {

	/**
	 * Raises the count of a completed response's survey, once: the response is marked
	 * counted in the same statement (parameter: the response's id).
	 */
	static final String RAISE = "UPDATE survey_response r JOIN survey s ON s.id = r.survey_id "
			+ "SET r.counted = TRUE, s.response_count = s.response_count + 1 "
			+ "WHERE r.id = ? AND r.status = 'COMPLETE' AND r.counted = FALSE";

	private static final Logger log = LoggerFactory.getLogger(ResponseCounts.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lookback;

	private final Duration grace;

	ResponseCounts(JdbcClient jdbc, Clock clock, @Value("${rapport.survey.recount.lookback:3h}") Duration lookback,
			@Value("${rapport.survey.recount.grace:1m}") Duration grace) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lookback = lookback;
		this.grace = grace;
	}

	/**
	 * Recounts one survey now (staff ask for it on the survey's page).
	 * @param surveyId the survey
	 * @return how much its count changed (0 when it was right)
	 */
	@PreAuthorize("hasRole('STAFF')")
	public long recount(long surveyId) {
		List<Long> uncounted = this.jdbc
			.sql("SELECT id FROM survey_response WHERE survey_id = ? AND status = 'COMPLETE' AND counted = FALSE")
			.param(surveyId)
			.query(Long.class)
			.list();
		return raise(uncounted) + reconcile(List.of(surveyId));
	}

	/**
	 * Counts the completed responses whose raise was lost (completed more than
	 * {@code rapport.survey.recount.grace}, a minute, ago, so a raise on its way is not
	 * raced), then checks the counts of the surveys answered recently
	 * ({@code rapport.survey.recount.lookback}, 3 hours).
	 * @return how much the counts changed in all
	 */
	public long recountRecent() {
		long changed = 0;
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.grace));
		List<Long> uncounted;
		do {
			uncounted = this.jdbc
				.sql("SELECT id FROM survey_response WHERE counted = FALSE AND status = 'COMPLETE' "
						+ "AND completed_at < ? ORDER BY completed_at LIMIT " + BATCH)
				.param(before)
				.query(Long.class)
				.list();
			changed += raise(uncounted);
		}
		while (uncounted.size() == BATCH);
		Timestamp since = Timestamp.from(this.clock.instant().minus(this.lookback));
		List<Long> surveys = this.jdbc.sql("SELECT DISTINCT survey_id FROM survey_response WHERE started_at >= ?")
			.param(since)
			.query(Long.class)
			.list();
		for (int from = 0; from < surveys.size(); from += BATCH) {
			changed += reconcile(surveys.subList(from, Math.min(surveys.size(), from + BATCH)));
		}
		return changed;
	}

	private long raise(List<Long> responses) {
		long raised = 0;
		for (long response : responses) {
			if (this.jdbc.sql(RAISE).param(response).update() > 0) {
				raised++;
				log.warn("Response {} was complete but not counted (its count was lost): counted now", response);
			}
		}
		return raised;
	}

	/**
	 * Sets each survey's count to its counted completed responses where they differ. Both
	 * are read in one statement (one snapshot), and a raise changes both at once, so a
	 * difference is never a raise in flight; the count is only changed if it did not move
	 * since it was read.
	 */
	private long reconcile(Collection<Long> surveys) {
		List<long[]> counts = this.jdbc.sql("""
				SELECT s.id, s.response_count, (SELECT COUNT(*) FROM survey_response r
				WHERE r.survey_id = s.id AND r.status = 'COMPLETE' AND r.counted) FROM survey s WHERE s.id IN (:ids)""")
			.param("ids", List.copyOf(surveys))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		long changed = 0;
		for (long[] count : counts) {
			if (count[1] != count[2]
					&& this.jdbc.sql("UPDATE survey SET response_count = ? WHERE id = ? AND response_count = ?")
						.params(count[2], count[0], count[1])
						.update() > 0) {
				changed += Math.abs(count[2] - count[1]);
				log.warn("Survey {}: response count corrected from {} to {}", count[0], count[1], count[2]);
			}
		}
		return changed;
	}

}

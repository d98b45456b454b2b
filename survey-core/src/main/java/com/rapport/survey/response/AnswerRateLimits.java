package com.rapport.survey.response;

import java.time.Clock;
import java.time.Duration;

import com.rapport.db.cluster.RunOnce;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in the database, so a limit holds across nodes.
 */
@Component
class AnswerRateLimits {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	AnswerRateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one hit on {@code bucket}.
	 * @param bucket e.g. "a:127.0.0.1"
	 * @param limit hits allowed per window
	 * @return true while within the limit
	 */
	boolean tryHit(String bucket, int limit) {
		long window = this.clock.millis() / WINDOW.toMillis();
		for (int attempt = 1;; attempt++) {
			try {
				this.jdbc
					.sql("INSERT INTO survey_rate_limit (bucket, window_start, hits) VALUES (?, ?, 1) "
							+ "ON DUPLICATE KEY UPDATE hits = hits + 1")
					.params(bucket, window)
					.update();
				break;
			}
			catch (PessimisticLockingFailureException ex) {
				// concurrent upserts of a new window's row can deadlock in InnoDB; one
				// retry wins
				if (attempt == 3) {
					throw ex;
				}
			}
		}
		int hits = this.jdbc.sql("SELECT hits FROM survey_rate_limit WHERE bucket = ? AND window_start = ?")
			.params(bucket, window)
			.query(Integer.class)
			.single();
		return hits <= limit;
	}

	@Scheduled(fixedDelayString = "${rapport.survey.rate.purge-interval:5m}")
	@RunOnce(value = "survey-rate-limit-purge", every = "${rapport.survey.rate.purge-interval:5m}")
	@Transactional
	public void purge() {
		long window = this.clock.millis() / WINDOW.toMillis();
		this.jdbc.sql("DELETE FROM survey_rate_limit WHERE window_start < ?").param(window - 1).update();
	}

}

package com.rapport.survey.response;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.rapport.db.cluster.RunOnce;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
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
	 * Counts one hit on each bucket, with one upsert for all of them and one read.
	 * @param limits hits allowed per window, by bucket (e.g. "a:127.0.0.1")
	 * @return true while every bucket is within its limit
	 */
	boolean tryHit(Map<String, Integer> limits) {
		if (limits.isEmpty()) {
			return true;
		}
		long window = this.clock.millis() / WINDOW.toMillis();
		// rows in the same order in every request, so two upserts never wait for each
		// other crosswise
		List<String> buckets = new ArrayList<>(new TreeSet<>(limits.keySet()));
		String rows = String.join(", ", Collections.nCopies(buckets.size(), "(?, ?, 1)"));
		Object[] params = new Object[buckets.size() * 2];
		for (int i = 0; i < buckets.size(); i++) {
			params[2 * i] = buckets.get(i);
			params[2 * i + 1] = window;
		}
		for (int attempt = 1;; attempt++) {
			try {
				this.jdbc
					.sql("INSERT INTO survey_rate_limit (bucket, window_start, hits) VALUES " + rows
							+ " ON DUPLICATE KEY UPDATE hits = hits + 1")
					.params(params)
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
		Map<String, Integer> hits = new HashMap<>();
		this.jdbc
			.sql("SELECT bucket, hits FROM survey_rate_limit WHERE window_start = :window AND bucket IN (:buckets)")
			.param("window", window)
			.param("buckets", buckets)
			.query((RowCallbackHandler) (rs) -> hits.put(rs.getString(1), rs.getInt(2)));
		return limits.entrySet().stream().allMatch((limit) -> hits.getOrDefault(limit.getKey(), 0) <= limit.getValue());
	}

	/**
	 * Counts one hit per request on each of its buckets, for many requests at once: one
	 * upsert adds each bucket's hits, one read gets the totals, in the caller's
	 * transaction (which holds the rows until it commits, so nobody counts in between).
	 * The requests are counted in list order, each seeing the hits before it plus its
	 * own, exactly as if each had run {@link #tryHit} in turn.
	 * @param requests per request its limits by bucket
	 * @return per request, true while every bucket was within its limit after its hit
	 */
	List<Boolean> tryHitAll(List<Map<String, Integer>> requests) {
		Map<String, Integer> added = new TreeMap<>();
		requests.forEach((limits) -> limits.keySet().forEach((bucket) -> added.merge(bucket, 1, Integer::sum)));
		List<Boolean> allowed = new ArrayList<>(requests.size());
		if (added.isEmpty()) {
			requests.forEach((limits) -> allowed.add(true));
			return allowed;
		}
		long window = this.clock.millis() / WINDOW.toMillis();
		// rows in bucket order, so two writers never wait for each other crosswise
		List<String> buckets = new ArrayList<>(added.keySet());
		Object[] params = new Object[buckets.size() * 3];
		for (int i = 0; i < buckets.size(); i++) {
			params[3 * i] = buckets.get(i);
			params[3 * i + 1] = window;
			params[3 * i + 2] = added.get(buckets.get(i));
		}
		this.jdbc
			.sql("INSERT INTO survey_rate_limit (bucket, window_start, hits) VALUES "
					+ String.join(", ", Collections.nCopies(buckets.size(), "(?, ?, ?)"))
					+ " ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)")
			.params(params)
			.update();
		Map<String, Integer> totals = new HashMap<>();
		this.jdbc
			.sql("SELECT bucket, hits FROM survey_rate_limit WHERE window_start = :window AND bucket IN (:buckets)")
			.param("window", window)
			.param("buckets", buckets)
			.query((RowCallbackHandler) (rs) -> totals.put(rs.getString(1), rs.getInt(2)));
		Map<String, Integer> counted = new HashMap<>();
		for (Map<String, Integer> limits : requests) {
			boolean within = true;
			for (Map.Entry<String, Integer> limit : limits.entrySet()) {
				String bucket = limit.getKey();
				int before = totals.getOrDefault(bucket, 0) - added.get(bucket);
				int seen = before + counted.merge(bucket, 1, Integer::sum);
				within &= seen <= limit.getValue();
			}
			allowed.add(within);
		}
		return allowed;
	}

	@Scheduled(fixedDelayString = "${rapport.survey.rate.purge-interval:5m}")
	@RunOnce(value = "survey-rate-limit-purge", every = "${rapport.survey.rate.purge-interval:5m}")
	@Transactional
	public void purge() {
		long window = this.clock.millis() / WINDOW.toMillis();
		this.jdbc.sql("DELETE FROM survey_rate_limit WHERE window_start < ?").param(window - 1).update();
	}

}

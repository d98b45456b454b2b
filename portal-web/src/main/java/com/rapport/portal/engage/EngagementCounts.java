package com.rapport.portal.engage;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts engagement in memory on this node and adds the counts to {@code engagement_day}
 * in one batch every {@code rapport.engagement.flush-interval} (15 s by default), so a
 * page view never waits for the database. The upsert adds ({@code total = total + n}), so
 * the nodes' flushes add up; rows are written in key order, so two nodes flushing at once
 * lock them in the same order. Counts a failed flush could not write are kept for the
 * next one; a node that crashes loses at most one interval of counts.
 */
@Component
public class EngagementCounts {

	private static final Logger log = LoggerFactory.getLogger(EngagementCounts.class);

	static final String UPSERT = "INSERT INTO engagement_day (day, metric, channel, total) VALUES (?, ?, ?, ?) "
			+ "ON DUPLICATE KEY UPDATE total = total + VALUES(total)";

	private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::day)
		.thenComparing((Key key) -> key.metric().column())
		.thenComparing(Key::channel);

	private final Map<Key, Long> pending = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	EngagementCounts(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${rapport.time-zone:UTC}") String zone) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** Today in the brand's time zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/**
	 * Counts one event of today, in memory.
	 * @param metric what happened
	 * @param channel where
	 */
	public void count(Metric metric, String channel) {
		count(today(), metric, channel, 1);
	}

	/**
	 * Counts events of a day, in memory; written at the next flush.
	 * @param day the day in the brand's time zone
	 * @param metric what happened
	 * @param channel where
	 * @param n how many
	 */
	void count(LocalDate day, Metric metric, String channel, long n) {
		// merge is atomic per key, and flush removes a key atomically: nothing is lost
		this.pending.merge(new Key(day, metric, channel), n, Long::sum);
	}

	/**
	 * Adds to a day's count at once, in the caller's transaction (for rare events that
	 * must count exactly with what they belong to, such as a mail written to the outbox).
	 * @param day the day in the brand's time zone
	 * @param metric what happened
	 * @param channel where
	 */
	void addNow(LocalDate day, Metric metric, String channel) {
		this.jdbc.update(UPSERT, Date.valueOf(day), metric.column(), channel, 1L);
	}

	/** Adds this node's counts to the table every few seconds. */
	@Scheduled(fixedDelayString = "${rapport.engagement.flush-interval:15s}",
			initialDelayString = "${rapport.engagement.flush-interval:15s}")
	void scheduledFlush() {
		flush();
	}

	/**
	 * Adds this node's counts to the table in one batch (also called by tests).
	 * @return how many rows were added to
	 */
	public int flush() {
		List<Key> keys = new ArrayList<>(this.pending.keySet());
		keys.sort(KEY_ORDER);
		List<Key> taken = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (Key key : keys) {
			Long n = this.pending.remove(key);
			if (n != null && n != 0) {
				taken.add(key);
				rows.add(new Object[] { Date.valueOf(key.day()), key.metric().column(), key.channel(), n });
			}
		}
		if (rows.isEmpty()) {
			return 0;
		}
		try {
			// one transaction: a failed batch adds nothing, so it can be retried whole
			this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate(UPSERT, rows));
			return rows.size();
		}
		catch (DataAccessException ex) {
			// keep them for the next flush
			for (int i = 0; i < taken.size(); i++) {
				this.pending.merge(taken.get(i), (Long) rows.get(i)[3], Long::sum);
			}
			log.warn("Engagement counts not saved yet: {}", ex.getClass().getSimpleName());
			return 0;
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

	private record Key(LocalDate day, Metric metric, String channel) {
	}

}

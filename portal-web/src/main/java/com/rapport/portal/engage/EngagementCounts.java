package com.rapport.portal.engage;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import com.rapport.survey.support.WriteBehind;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
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

	static final String UPSERT = "INSERT INTO engagement_day (day, metric, channel, total) VALUES (?, ?, ?, ?) "
			+ "ON DUPLICATE KEY UPDATE total = total + VALUES(total)";

	private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::day)
		.thenComparing((Key key) -> key.metric().column())
		.thenComparing(Key::channel);

	private final WriteBehind<Key, Long> pending = new WriteBehind<>("Engagement counts", Long::sum, KEY_ORDER);

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
		if (n != 0) {
			this.pending.add(new Key(day, metric, channel), n);
		}
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
		// one transaction: a failed batch adds nothing, so it is put back whole
		return this.pending.flush((taken) -> {
			List<Object[]> rows = taken.stream()
				.map((entry) -> new Object[] { Date.valueOf(entry.key().day()), entry.key().metric().column(),
						entry.key().channel(), entry.value() })
				.toList();
			this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate(UPSERT, rows));
		});
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

	private record Key(LocalDate day, Metric metric, String channel) {
	}

}

package com.rapport.community.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rapport.survey.support.WriteBehind;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the days on which each member was seen, for the trust levels. A page view only
 * notes the member in memory; the days are written every few seconds in a batch, so no
 * page waits for a write. A member seen on two nodes the same day still counts once (the
 * day row is unique).
 */
@Component
public class Visits {

	// the later day wins: a member noted yesterday and today is written for today
	private final WriteBehind<Long, LocalDate> pending = new WriteBehind<>("Visits", (a, b) -> a.isAfter(b) ? a : b,
			Comparator.naturalOrder());

	// members already written for the day, so repeated views cost nothing
	private final Map<Long, LocalDate> written = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	Visits(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${rapport.time-zone:UTC}") String zone) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Notes that a member was seen today.
	 * @param memberId the member
	 */
	public void seen(long memberId) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		if (!today.equals(this.written.get(memberId))) {
			this.pending.add(memberId, today);
		}
	}

	/**
	 * Writes the noted days: a new day adds one to the member's days visited.
	 */
	@Scheduled(fixedDelayString = "${rapport.visits.flush-interval:10s}")
	public void flush() {
		this.pending.flushEach((seen) -> {
			this.transactions.executeWithoutResult((status) -> record(seen.key(), seen.value()));
			this.written.put(seen.key(), seen.value());
		});
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		this.written.values().removeIf((day) -> day.isBefore(today));
	}

	private void record(long memberId, LocalDate day) {
		int added = this.jdbc
			.sql("INSERT IGNORE INTO member_visit_day (member_id, day) " + "SELECT id, ? FROM member WHERE id = ?")
			.params(day, memberId)
			.update();
		if (added == 1) {
			this.jdbc.sql("UPDATE member SET days_visited = days_visited + 1 WHERE id = ?").param(memberId).update();
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

}

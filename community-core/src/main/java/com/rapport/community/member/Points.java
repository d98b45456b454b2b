package com.rapport.community.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger of a member's points. Every change is one ledger row, the member's total
 * (reputation, shown and ranked) and spendable balance, and this week's and this month's
 * rollup rows (for the leaderboard), written in the transaction of what earned them. No
 * figure ever goes below zero.
 */
@Service
public class Points {

	/**
	 * Why points changed.
	 */
	public enum Kind {

		/** A post was published. */
		POST,
		/** A like was given or taken back. */
		LIKE,
		/** A reply was accepted as the answer, or no longer is. */
		ANSWER,
		/** Staff granted points for a contribution outside the forum. */
		GRANT

	}

	/** Week periods in the rollup. */
	public static final String WEEK = "W";

	/** Month periods in the rollup. */
	public static final String MONTH = "M";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	Points(JdbcClient jdbc, Clock clock, @Value("${rapport.time-zone:UTC}") String zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Adds (or, when negative, takes away) points.
	 * @param memberId whose points
	 * @param points how many
	 * @param kind why
	 * @param reason a staff member's reason for a grant, else null
	 * @param grantedBy the staff member who granted them, else null
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long memberId, int points, Kind kind, String reason, Long grantedBy) {
		if (points == 0) {
			return;
		}
		this.jdbc.sql("""
				UPDATE member SET reputation = GREATEST(reputation + ?, 0),
				                  points_balance = GREATEST(points_balance + ?, 0)
				WHERE id = ?
				""").params(points, points, memberId).update();
		this.jdbc
			.sql("INSERT INTO point_entry (member_id, points, kind, reason, granted_by, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(memberId, points, kind.name(), reason, grantedBy, Timestamp.from(this.clock.instant()))
			.update();
		addToPeriod(WEEK, weekStart(), memberId, points);
		addToPeriod(MONTH, monthStart(), memberId, points);
	}

	/**
	 * Takes points from the spendable balance when there are enough: one conditional
	 * update, so two concurrent spends can never take the balance below zero.
	 * @param memberId whose points
	 * @param points how many
	 * @return false when the balance is too low (nothing changed)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean spend(long memberId, int points) {
		if (points < 0) {
			throw new IllegalArgumentException("points to spend must not be negative");
		}
		return this.jdbc
			.sql("UPDATE member SET points_balance = points_balance - ? WHERE id = ? AND points_balance >= ?")
			.params(points, memberId, points)
			.update() == 1;
	}

	/**
	 * @param memberId whose balance
	 * @return the points the member can still spend
	 */
	public int balance(long memberId) {
		return this.jdbc.sql("SELECT points_balance FROM member WHERE id = ?")
			.param(memberId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * @return the first day of this week (Monday) in the brand's time zone
	 */
	public LocalDate weekStart() {
		return today().with(DayOfWeek.MONDAY);
	}

	/**
	 * @return the first day of this month in the brand's time zone
	 */
	public LocalDate monthStart() {
		return today().withDayOfMonth(1);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private void addToPeriod(String period, LocalDate starts, long memberId, int points) {
		this.jdbc.sql("""
				INSERT INTO member_points_period (period, starts, member_id, points) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE points = GREATEST(points + ?, 0)
				""").params(period, starts, memberId, Math.max(points, 0), points).update();
	}

}

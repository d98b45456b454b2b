package com.rapport.community.reputation;

import java.time.LocalDate;
import java.util.List;

import com.rapport.community.member.Points;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The members with the most points, of all time (the reputation on the member row) or of
 * this week or month (the rollup rows the ledger keeps): each reads one index range,
 * never the ledger.
 */
@Service
public class Leaderboard {

	public static final int SIZE = 50;

	private final JdbcClient jdbc;

	private final Points points;

	Leaderboard(JdbcClient jdbc, Points points) {
		this.jdbc = jdbc;
		this.points = points;
	}

	/**
	 * @param period which points
	 * @return the first {@link #SIZE} members with points, most first
	 */
	public List<Ranked> top(LeaderboardPeriod period) {
		List<Object[]> rows;
		if (period == LeaderboardPeriod.ALL) {
			rows = this.jdbc.sql("""
					SELECT m.id, m.username, COALESCE(m.display_name, m.username), m.reputation FROM member m
					WHERE m.reputation > 0 ORDER BY m.reputation DESC, m.id DESC LIMIT ?
					""").param(SIZE).query(Leaderboard::row).list();
		}
		else {
			String kind = (period == LeaderboardPeriod.WEEK) ? Points.WEEK : Points.MONTH;
			LocalDate starts = (period == LeaderboardPeriod.WEEK) ? this.points.weekStart() : this.points.monthStart();
			rows = this.jdbc.sql("""
					SELECT m.id, m.username, COALESCE(m.display_name, m.username), pp.points
					FROM member_points_period pp JOIN member m ON m.id = pp.member_id
					WHERE pp.period = ? AND pp.starts = ? AND pp.points > 0
					ORDER BY pp.points DESC, pp.member_id DESC LIMIT ?
					""").params(kind, starts, SIZE).query(Leaderboard::row).list();
		}
		java.util.ArrayList<Ranked> ranked = new java.util.ArrayList<>();
		int rank = 0;
		int previous = -1;
		for (int i = 0; i < rows.size(); i++) {
			Object[] row = rows.get(i);
			int pointsOfRow = (Integer) row[3];
			if (pointsOfRow != previous) {
				rank = i + 1;
				previous = pointsOfRow;
			}
			ranked.add(new Ranked(rank, (Long) row[0], (String) row[1], (String) row[2], pointsOfRow));
		}
		return List.copyOf(ranked);
	}

	private static Object[] row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) };
	}

}

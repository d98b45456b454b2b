package com.rapport.community.reputation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A member's reputation for their profile: read from the member row and their badges, two
 * indexed queries.
 */
@Service
public class Standings {

	private final JdbcClient jdbc;

	private final Badges badges;

	Standings(JdbcClient jdbc, Badges badges) {
		this.jdbc = jdbc;
		this.badges = badges;
	}

	/**
	 * @param memberId the member
	 * @return their standing, or empty when there is no such member
	 */
	public Optional<Standing> of(long memberId) {
		return this.jdbc.sql("""
				SELECT reputation, points_balance, trust_level, trust_level_locked, days_visited, likes_received,
				       avatar_version
				FROM member WHERE id = ?
				""")
			.param(memberId)
			.query((rs, row) -> new Standing(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), this.badges.of(memberId)))
			.optional();
	}

}

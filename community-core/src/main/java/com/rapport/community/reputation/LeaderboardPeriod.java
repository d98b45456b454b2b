package com.rapport.community.reputation;

/**
 * Which points a leaderboard ranks.
 */
public enum LeaderboardPeriod {

	/** Every point ever earned. */
	ALL,
	/** Points earned since the first of this month. */
	MONTH,
	/** Points earned since Monday. */
	WEEK

}

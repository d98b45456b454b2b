package com.rapport.community.sentiment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.rapport.survey.display.SuppressionCheck;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member who wrote a negative post in the last days
 * ({@code rapport.survey.suppress-after-negative-post-days}, default 7, 0 to turn off) is
 * not invited to surveys: they are owed an answer first, not a questionnaire.
 */
@Component
class RecentNegativePost implements SuppressionCheck {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration window;

	RecentNegativePost(JdbcClient jdbc, Clock clock,
			@Value("${rapport.survey.suppress-after-negative-post-days:7}") int days) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = Duration.ofDays(Math.max(0, days));
	}

	@Override
	public boolean suppresses(long memberId) {
		if (this.window.isZero()) {
			return false;
		}
		return this.jdbc
			.sql("SELECT COUNT(*) FROM post WHERE author_id = ? AND created_at >= ? AND deleted_at IS NULL "
					+ "AND sentiment_label = 'NEGATIVE'")
			.params(memberId, Timestamp.from(this.clock.instant().minus(this.window)))
			.query(Integer.class)
			.single() > 0;
	}

}

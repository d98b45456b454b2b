package com.rapport.community.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation settings: a row in {@code review_setting} when staff changed one, else the
 * application property, else the documented default. Read from the database each time, so
 * every app node applies a change at once.
 */
@Service
public class ReviewSettings {

	private final JdbcClient jdbc;

	private final Environment environment;

	private final Clock clock;

	private final AuditLog audit;

	ReviewSettings(JdbcClient jdbc, Environment environment, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.environment = environment;
		this.clock = clock;
	}

	public int get(Setting setting) {
		return this.jdbc.sql("SELECT value FROM review_setting WHERE name = ?")
			.param(setting.key())
			.query(Integer.class)
			.optional()
			.orElseGet(() -> defaultOf(setting));
	}

	/**
	 * The default, from the application properties.
	 * @param setting the setting
	 * @return its default
	 */
	public int defaultOf(Setting setting) {
		return this.environment.getProperty("rapport.review." + setting.key(), Integer.class, setting.fallback());
	}

	/**
	 * @return every setting with its current value
	 */
	public Map<Setting, Integer> all() {
		Map<String, Integer> stored = new java.util.HashMap<>();
		this.jdbc.sql("SELECT name, value FROM review_setting").query((rs) -> {
			stored.put(rs.getString(1), rs.getInt(2));
		});
		Map<Setting, Integer> values = new EnumMap<>(Setting.class);
		for (Setting setting : Setting.values()) {
			values.put(setting, stored.getOrDefault(setting.key(), defaultOf(setting)));
		}
		return values;
	}

	/**
	 * Changes settings. Staff only.
	 * @param viewer who
	 * @param values new values
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void save(Viewer viewer, Map<Setting, Integer> values) {
		Map<String, String> problems = new java.util.HashMap<>();
		values.forEach((setting, value) -> {
			if (value == null || value < setting.min() || value > setting.max()) {
				problems.put(setting.name(), "review.settings.outOfRange");
			}
		});
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		values.forEach((setting, value) -> {
			int before = get(setting);
			if (before == value) {
				return;
			}
			this.jdbc
				.sql("INSERT INTO review_setting (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
						+ "ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), "
						+ "updated_by = VALUES(updated_by)")
				.params(setting.key(), value, now, viewer.memberId())
				.update();
			this.audit.record(viewer, "review.setting", new AuditTarget("SETTING", null, setting.key(), null), null,
					String.valueOf(before), String.valueOf(value));
		});
	}

	/**
	 * @return the flag score at which a post is hidden
	 */
	public BigDecimal flagThreshold() {
		return BigDecimal.valueOf(get(Setting.FLAG_THRESHOLD), 2);
	}

	/**
	 * How many posts of the last 30 days a threshold would have hidden, judged by the
	 * flags they received (their weights as they were when raised).
	 * @param thresholdHundredths the threshold to try, in hundredths
	 * @return the number of posts
	 */
	public int postsHiddenWith(int thresholdHundredths) {
		Timestamp since = Timestamp.from(this.clock.instant().minus(Duration.ofDays(30)));
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM (
				  SELECT post_id FROM post_flag WHERE created_at >= ? GROUP BY post_id HAVING SUM(weight) >= ?
				) hidden
				""").params(since, BigDecimal.valueOf(thresholdHundredths, 2)).query(Integer.class).single();
	}

}

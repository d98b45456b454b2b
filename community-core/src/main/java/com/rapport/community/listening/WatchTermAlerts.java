package com.rapport.community.listening;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the terms whose negative share jumped this week ({@link AlertRule}), records one
 * alert per term and week (a second node, or a second run in the same week, finds the row
 * taken and does nothing) and tells every staff member in the portal. Terms whose older
 * content is still being counted are left for later: their baseline is not known yet.
 */
@Service
public class WatchTermAlerts {

	static final int BASELINE_WEEKS = 4;

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	private final ZoneId zone;

	private final AlertRule rule;

	WatchTermAlerts(JdbcClient jdbc, Notifications notifications, Clock clock,
			@Value("${rapport.time-zone:UTC}") String zone,
			@Value("${rapport.listening.alert.min-mentions:5}") int minMentions,
			@Value("${rapport.listening.alert.jump-points:20}") double jumpPoints) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.rule = new AlertRule(minMentions, jumpPoints);
	}

	/** The rule in force, for the page's help. */
	public AlertRule rule() {
		return this.rule;
	}

	/**
	 * Raises this week's new alerts: records each and notifies the staff in the portal.
	 * @return the alerts raised now (none already raised this week)
	 */
	@Transactional
	public List<Alert> raise() {
		Instant now = this.clock.instant();
		LocalDate weekStart = WatchTermTrends.weekStart(LocalDate.ofInstant(now, this.zone));
		LocalDate baselineStart = weekStart.minusWeeks(BASELINE_WEEKS);
		Map<Long, int[]> counts = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("""
				SELECT w.id, w.term, d.day, d.negative, d.neutral, d.positive
				FROM watch_term w JOIN watch_term_day d ON d.term_id = w.id
				WHERE w.backfilled_at IS NOT NULL AND d.day >= ?
				  AND NOT EXISTS (SELECT 1 FROM watch_term_alert a WHERE a.term_id = w.id AND a.week_start = ?)
				""").params(Date.valueOf(baselineStart), Date.valueOf(weekStart)).query((rs) -> {
			names.put(rs.getLong(1), rs.getString(2));
			boolean thisWeek = !rs.getDate(3).toLocalDate().isBefore(weekStart);
			int[] c = counts.computeIfAbsent(rs.getLong(1), (id) -> new int[4]);
			int offset = thisWeek ? 0 : 2;
			c[offset] += rs.getInt(4) + rs.getInt(5) + rs.getInt(6);
			c[offset + 1] += rs.getInt(4);
		});
		List<Alert> raised = new ArrayList<>();
		List<Long> staff = null;
		for (Map.Entry<Long, int[]> entry : counts.entrySet()) {
			int[] c = entry.getValue();
			AlertRule.Jump jump = this.rule.evaluate(new AlertRule.Counts(c[0], c[1]),
					new AlertRule.Counts(c[2], c[3]));
			if (jump == null || !record(entry.getKey(), weekStart, jump, now)) {
				continue;
			}
			Alert alert = new Alert(entry.getKey(), names.get(entry.getKey()), weekStart, jump);
			if (staff == null) {
				staff = staff().stream().map(StaffMember::memberId).toList();
			}
			for (long memberId : staff) {
				this.notifications.notify(memberId, NotificationKind.WATCH_TERM_ALERT, null, alert.url(), alert.term());
			}
			raised.add(alert);
		}
		raised.sort(java.util.Comparator.comparing(Alert::term));
		return raised;
	}

	/**
	 * The staff members to tell, with their address and language.
	 * @return every member holding the STAFF role, not deleted
	 */
	public List<StaffMember> staff() {
		return this.jdbc.sql("""
				SELECT m.id, m.email, m.locale FROM member m JOIN member_role r ON r.member_id = m.id
				WHERE r.role = 'STAFF' AND m.deleted_at IS NULL ORDER BY m.id""")
			.query((rs, n) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private boolean record(long termId, LocalDate weekStart, AlertRule.Jump jump, Instant now) {
		return this.jdbc.sql("""
				INSERT IGNORE INTO watch_term_alert (term_id, week_start, analysed, negative_share, baseline_share,
				    created_at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(termId, Date.valueOf(weekStart), jump.analysed(), jump.share(), jump.baseline(),
					Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * An alert raised.
	 *
	 * @param termId the term
	 * @param term its text
	 * @param weekStart the Monday of the week
	 * @param jump the figures
	 */
	public record Alert(long termId, String term, LocalDate weekStart, AlertRule.Jump jump) {

		/** The term's page. */
		public String url() {
			return "/staff/watch-terms/" + this.termId;
		}

		/** This week's negative share in whole percent (half up). */
		public long sharePercent() {
			return Math.round(this.jump.share());
		}

		/** The four weeks before in whole percent (half up). */
		public long baselinePercent() {
			return Math.round(this.jump.baseline());
		}

	}

	/**
	 * A staff member to tell.
	 *
	 * @param memberId who
	 * @param email their address
	 * @param locale their language tag, or null
	 */
	public record StaffMember(long memberId, String email, String locale) {
	}

}

package com.rapport.community.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * How moderators decide, per moderator and overall, over the last 90 days: items decided,
 * median time in the queue, share of decisions overturned on appeal.
 */
@Service
public class ModeratorStats {

	/** The period the figures cover. */
	public static final Duration PERIOD = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	ModeratorStats(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One line of the table.
	 *
	 * @param moderator the moderator's username, or null for everyone
	 * @param decided items decided
	 * @param medianInQueue median time from entering the queue to the decision
	 * @param overturned decisions overturned on appeal
	 */
	public record Line(String moderator, int decided, Duration medianInQueue, int overturned) {

		/**
		 * @return overturned / decided, in percent with one decimal
		 */
		public double overturnedPercent() {
			return (this.decided == 0) ? 0 : Math.round(this.overturned * 1000.0 / this.decided) / 10.0;
		}

	}

	/**
	 * @return a line per moderator (most decisions first) and the overall line last
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public List<Line> lines() {
		// decisions taken outside the queue (a moderator hid a post directly) count as
		// decisions and can be overturned, but never waited in the queue
		Map<String, List<Long>> seconds = new LinkedHashMap<>();
		Map<String, int[]> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT m.username, TIMESTAMPDIFF(SECOND, i.created_at, i.decided_at), i.overturned_at IS NOT NULL,
				       i.kind = 'MODERATOR'
				FROM review_item i JOIN member m ON m.id = i.decided_by
				WHERE i.decided_at >= ?
				""").param(Timestamp.from(this.clock.instant().minus(PERIOD))).query((rs) -> {
			String name = rs.getString(1);
			List<Long> waited = seconds.computeIfAbsent(name, (k) -> new ArrayList<>());
			if (!rs.getBoolean(4)) {
				waited.add(rs.getLong(2));
			}
			int[] count = counts.computeIfAbsent(name, (k) -> new int[2]);
			count[0]++;
			count[1] += rs.getBoolean(3) ? 1 : 0;
		});
		List<Line> lines = new ArrayList<>();
		List<Long> all = new ArrayList<>();
		int allDecided = 0;
		int allOverturned = 0;
		for (var entry : seconds.entrySet()) {
			int[] count = counts.get(entry.getKey());
			lines.add(new Line(entry.getKey(), count[0], ReviewQueue.median(entry.getValue()), count[1]));
			all.addAll(entry.getValue());
			allDecided += count[0];
			allOverturned += count[1];
		}
		lines.sort((a, b) -> Integer.compare(b.decided(), a.decided()));
		lines.add(new Line(null, allDecided, ReviewQueue.median(all), allOverturned));
		return lines;
	}

}

package com.rapport.community.listening;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.community.member.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The mentions of each watched term per day or week with their sentiment, read from the
 * day rollup (terms × days rows, never the posts), and the latest posts and answers
 * mentioning a term.
 */
@Service
public class WatchTermTrends {

	/** The latest mentions listed for a term. */
	public static final int MENTIONS_SHOWN = 50;

	private final JdbcClient jdbc;

	private final WatchTerms terms;

	private final Clock clock;

	private final ZoneId zone;

	WatchTermTrends(JdbcClient jdbc, WatchTerms terms, Clock clock, @Value("${rapport.time-zone:UTC}") String zone) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Each term's mentions over the last periods, oldest first, ending with the current
	 * one.
	 * @param viewer a staff member
	 * @param by days or weeks
	 * @return one trend per term, alphabetically
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<TermTrend> trends(Viewer viewer, Granularity by) {
		requireStaff(viewer);
		List<LocalDate> starts = starts(by, today());
		Map<Long, TermPeriod[]> periods = new HashMap<>();
		this.jdbc.sql("""
				SELECT term_id, day, mentions, negative, neutral, positive FROM watch_term_day
				WHERE day >= ? ORDER BY term_id, day""").param(Date.valueOf(starts.get(0))).query((rs) -> {
			LocalDate day = rs.getDate(2).toLocalDate();
			int index = index(by, starts.get(0), day);
			if (index < 0 || index >= starts.size()) {
				return;
			}
			TermPeriod[] row = periods.computeIfAbsent(rs.getLong(1), (id) -> empty(starts));
			row[index] = row[index].plus(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6));
		});
		List<TermTrend> trends = new ArrayList<>();
		for (WatchTerm term : this.terms.all()) {
			TermPeriod[] row = periods.getOrDefault(term.id(), empty(starts));
			trends.add(new TermTrend(term, List.of(row)));
		}
		return trends;
	}

	/**
	 * The latest posts and answers mentioning a term, newest first; those deleted since
	 * are left out (they still count in the figures).
	 * @param viewer a staff member
	 * @param termId the term
	 * @return at most {@link #MENTIONS_SHOWN}
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<Mention> mentions(Viewer viewer, long termId) {
		requireStaff(viewer);
		return this.jdbc.sql("""
				SELECT m.source, m.item_id, m.item_key, m.mentioned_at, m.label,
				       t.title, p.raw, r.survey_id, a.text_value
				FROM watch_term_mention m
				LEFT JOIN post p ON m.source = 'POST' AND p.id = m.item_id AND p.deleted_at IS NULL
				LEFT JOIN topic t ON t.id = p.topic_id AND t.deleted_at IS NULL
				LEFT JOIN survey_response r ON m.source = 'ANSWER' AND r.id = m.item_id
				LEFT JOIN survey_answer a ON m.source = 'ANSWER' AND a.response_id = m.item_id
				     AND a.question_id = m.item_key
				WHERE m.term_id = ?
				ORDER BY m.mentioned_at DESC, m.item_id DESC LIMIT ?""")
			.params(termId, MENTIONS_SHOWN)
			.query((rs, n) -> {
				Source source = Source.valueOf(rs.getString(1));
				String text = (source == Source.POST) ? rs.getString(7) : rs.getString(9);
				if (text == null || (source == Source.POST && rs.getString(6) == null)) {
					return null;
				}
				return new Mention(source, rs.getLong(2), rs.getTimestamp(4).toInstant(), rs.getString(5),
						rs.getString(6), rs.getObject(8, Long.class), excerpt(text));
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/** The first day of each period shown, oldest first. */
	static List<LocalDate> starts(Granularity by, LocalDate today) {
		List<LocalDate> starts = new ArrayList<>();
		if (by == Granularity.DAY) {
			for (int i = by.count() - 1; i >= 0; i--) {
				starts.add(today.minusDays(i));
			}
		}
		else {
			LocalDate monday = weekStart(today);
			for (int i = by.count() - 1; i >= 0; i--) {
				starts.add(monday.minusWeeks(i));
			}
		}
		return starts;
	}

	/** The Monday of the day's week. */
	static LocalDate weekStart(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static int index(Granularity by, LocalDate first, LocalDate day) {
		long days = ChronoUnit.DAYS.between(first, day);
		return (int) ((by == Granularity.DAY) ? days : Math.floorDiv(days, 7));
	}

	private static TermPeriod[] empty(List<LocalDate> starts) {
		TermPeriod[] row = new TermPeriod[starts.size()];
		for (int i = 0; i < row.length; i++) {
			row[i] = new TermPeriod(starts.get(i), 0, 0, 0, 0);
		}
		return row;
	}

	private static String excerpt(String text) {
		StringBuilder flat = new StringBuilder();
		for (String word : text.strip().split("\\s")) {
			if (!word.isEmpty()) {
				flat.append(flat.isEmpty() ? "" : " ").append(word);
			}
		}
		return (flat.length() <= 200) ? flat.toString() : flat.substring(0, 199) + "…";
	}

	private static void requireStaff(Viewer viewer) {
		if (viewer == null || !viewer.isStaff()) {
			throw new AccessDeniedException("Staff only");
		}
	}

	/** Days or weeks, and how many of them are shown. */
	public enum Granularity {

		/** The last 28 days. */
		DAY(28),
		/** The last 12 weeks, Monday to Sunday. */
		WEEK(12);

		private final int count;

		Granularity(int count) {
			this.count = count;
		}

		public int count() {
			return this.count;
		}

	}

	/**
	 * A term's mentions per period.
	 *
	 * @param term the term
	 * @param periods oldest first
	 */
	public record TermTrend(WatchTerm term, List<TermPeriod> periods) {

		public TermTrend {
			periods = List.copyOf(periods);
		}

		/** All mentions of the periods shown. */
		public int total() {
			return this.periods.stream().mapToInt(TermPeriod::mentions).sum();
		}

	}

	/**
	 * A post or an answer mentioning a term.
	 *
	 * @param source post or answer
	 * @param itemId the post, or the response
	 * @param at when it was written
	 * @param label its sentiment label when counted
	 * @param topicTitle the post's topic, or null
	 * @param surveyId the answer's survey, or null
	 * @param excerpt the start of the text
	 */
	public record Mention(Source source, long itemId, Instant at, String label, String topicTitle, Long surveyId,
			String excerpt) {
	}

}

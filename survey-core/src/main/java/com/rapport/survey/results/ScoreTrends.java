package com.rapport.survey.results;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import com.rapport.survey.metrics.Estimate;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.metrics.ScoreCounts;
import com.rapport.survey.metrics.SurveyMetrics;
import com.rapport.survey.survey.QuestionType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The headline scores of the staff overview: NPS, CES and CSAT over every survey that
 * asks them, for the last 30 days with their margins, and week by week for the
 * sparklines. Read from the day rows of the rollup without dimensions (one grouped query
 * over the weeks shown, whatever the number of responses) and kept for {@link #KEPT},
 * since a minute-old overview is as good as a fresh one and the rollups only ever grow.
 */
@Service
public class ScoreTrends {

	/** Weeks in a sparkline, the current one included. */
	public static final int WEEKS = 12;

	/** Days of the headline figure, today included. */
	public static final int DAYS = 30;

	/** How long a computed overview is kept. */
	static final Duration KEPT = Duration.ofMinutes(1);

	private static final List<Headline> HEADLINES = List.of(new Headline(MetricDefinition.NPS, QuestionType.NPS),
			new Headline(MetricDefinition.CES_MEAN, QuestionType.CES),
			new Headline(MetricDefinition.CSAT, QuestionType.CSAT));

	private final JdbcClient jdbc;

	private final SurveyRollups rollups;

	private final Clock clock;

	private final long minimum;

	private volatile Kept kept;

	ScoreTrends(JdbcClient jdbc, SurveyRollups rollups, Clock clock,
			@Value("${rapport.insights.min-responses:30}") long minimum) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.clock = clock;
		this.minimum = minimum;
	}

	/**
	 * NPS, CES (mean) and CSAT: the last {@value #DAYS} days and each of the last
	 * {@value #WEEKS} weeks (Monday to Sunday in the brand's time zone).
	 * @return one trend per metric, in that order
	 */
	public List<MetricTrend> overview() {
		Instant now = this.clock.instant();
		Kept current = this.kept;
		if (current != null && !now.isBefore(current.at()) && now.isBefore(current.at().plus(KEPT))) {
			return current.trends();
		}
		List<MetricTrend> trends = compute(this.rollups.today());
		this.kept = new Kept(trends, now);
		return trends;
	}

	List<MetricTrend> compute(LocalDate today) {
		LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
		LocalDate headlineFrom = today.minusDays(DAYS - 1);
		LocalDate from = firstWeek.isBefore(headlineFrom) ? firstWeek : headlineFrom;
		List<ScoreCounts[]> weekly = new ArrayList<>();
		List<ScoreCounts> headline = new ArrayList<>();
		for (Headline h : HEADLINES) {
			ScoreCounts[] weeks = new ScoreCounts[WEEKS];
			for (int w = 0; w < WEEKS; w++) {
				weeks[w] = ScoreCounts.empty(h.type().min(), h.type().max());
			}
			weekly.add(weeks);
			headline.add(ScoreCounts.empty(h.type().min(), h.type().max()));
		}
		this.jdbc.sql("""
				SELECT r.first_day, q.question_type, r.bucket, SUM(r.answers)
				FROM survey_total_rollup r
				JOIN (SELECT DISTINCT survey_id, question_key, question_type FROM survey_question
				      WHERE question_type IN ('NPS', 'CES', 'CSAT')) q
				  ON q.survey_id = r.survey_id AND q.question_key = r.question_key
				WHERE r.span = ? AND r.first_day >= ? AND r.first_day <= ? AND r.bucket LIKE 'v%'
				GROUP BY r.first_day, q.question_type, r.bucket
				""").params(RollupSpan.DAY.code(), from, today).query((rs) -> {
			LocalDate day = rs.getObject(1, LocalDate.class);
			int metric = index(QuestionType.valueOf(rs.getString(2)));
			int value = Integer.parseInt(rs.getString(3).substring(1));
			long count = rs.getLong(4);
			long week = ChronoUnit.WEEKS.between(firstWeek, day);
			if (week >= 0 && week < WEEKS) {
				weekly.get(metric)[(int) week].add(value, count);
			}
			if (!day.isBefore(headlineFrom)) {
				headline.get(metric).add(value, count);
			}
		});
		List<MetricTrend> trends = new ArrayList<>();
		for (int m = 0; m < HEADLINES.size(); m++) {
			MetricDefinition definition = HEADLINES.get(m).definition();
			List<WeekEstimate> weeks = new ArrayList<>();
			for (int w = 0; w < WEEKS; w++) {
				weeks.add(new WeekEstimate(firstWeek.plusWeeks(w),
						SurveyMetrics.of(definition, weekly.get(m)[w], this.minimum)));
			}
			trends.add(new MetricTrend(SurveyMetrics.of(definition, headline.get(m), this.minimum), weeks));
		}
		return List.copyOf(trends);
	}

	private static int index(QuestionType type) {
		for (int i = 0; i < HEADLINES.size(); i++) {
			if (HEADLINES.get(i).type() == type) {
				return i;
			}
		}
		throw new IllegalArgumentException(type.name());
	}

	/**
	 * A headline metric: its value over the last {@value #DAYS} days and week by week.
	 *
	 * @param current the last {@value #DAYS} days
	 * @param weeks the last {@value #WEEKS} weeks, oldest first
	 */
	public record MetricTrend(Estimate current, List<WeekEstimate> weeks) {

		public MetricTrend {
			weeks = List.copyOf(weeks);
		}

		/** The metric. */
		public MetricDefinition definition() {
			return this.current.definition();
		}

	}

	/**
	 * The metric over one week.
	 *
	 * @param monday the first day of the week
	 * @param estimate the metric over that week
	 */
	public record WeekEstimate(LocalDate monday, Estimate estimate) {
	}

	private record Headline(MetricDefinition definition, QuestionType type) {
	}

	private record Kept(List<MetricTrend> trends, Instant at) {

		Kept {
			trends = List.copyOf(trends);
		}

	}

}

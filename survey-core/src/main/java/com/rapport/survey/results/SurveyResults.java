package com.rapport.survey.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read model of a survey's results page: counts from the coarse rollup tables for a
 * period (overall and by channel, locale and device, or span by span for a trend), read
 * as whole months, weeks and days so a year is a few thousand rows, and the open-text
 * answers, paged by keyset.
 */
@Service
public class SurveyResults {

	/** Open-text answers per page. */
	public static final int PAGE_SIZE = 20;

	private static final int MAX_SEARCH = 100;

	private final JdbcClient jdbc;

	private final SurveyRollups rollups;

	SurveyResults(JdbcClient jdbc, SurveyRollups rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
	}

	/**
	 * The responses started per day in some channels, over every survey: the day rows of
	 * the channel dimension, a range of the index
	 * {@code ix_survey_dimension_rollup_by_bucket} (a few rows per day, however many
	 * responses).
	 * @param from the first day
	 * @param to the last day, included
	 * @param channels the channels (e.g. EMBED, FORUM)
	 * @return one count per day and channel with a start
	 */
	public List<StartedCount> startedPerChannel(LocalDate from, LocalDate to, List<String> channels) {
		if (channels.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT first_day, dimension_value, SUM(answers) FROM survey_dimension_rollup
				WHERE dimension = :dimension AND question_key = '' AND bucket = 'started' AND span = :span
				  AND first_day BETWEEN :from AND :to AND dimension_value IN (:channels)
				GROUP BY first_day, dimension_value""")
			.param("dimension", ResultsCounts.Dimension.CHANNEL.name())
			.param("span", RollupSpan.DAY.code())
			.param("from", from)
			.param("to", to)
			.param("channels", channels)
			.query((rs, n) -> new StartedCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** Today in the brand's time zone. */
	public LocalDate today() {
		return this.rollups.today();
	}

	/**
	 * The counts of a period by question and bucket, overall and per value of channel,
	 * locale and device (for the breakdowns).
	 * @param surveyId the survey
	 * @param from the first day
	 * @param until the day after the last
	 * @return the counts
	 */
	public ResultsCounts period(long surveyId, LocalDate from, LocalDate until) {
		ResultsCounts counts = totals(surveyId, from, until);
		List<Object> params = new ArrayList<>(List.of(surveyId));
		String spans = RollupSpan.condition(RollupSpan.cover(from, until, true), params);
		this.jdbc
			.sql("SELECT dimension, dimension_value, question_key, bucket, SUM(answers) "
					+ "FROM survey_dimension_rollup WHERE survey_id = ? AND " + spans
					+ " GROUP BY dimension, dimension_value, question_key, bucket")
			.params(params)
			.query((rs, n) -> {
				counts.add(ResultsCounts.Dimension.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getLong(5));
				return null;
			})
			.list();
		return counts;
	}

	/**
	 * The overall counts of a period by question and bucket, without the breakdowns (the
	 * previous period of a comparison).
	 * @param surveyId the survey
	 * @param from the first day
	 * @param until the day after the last
	 * @return the counts
	 */
	public ResultsCounts totals(long surveyId, LocalDate from, LocalDate until) {
		List<Object> params = new ArrayList<>(List.of(surveyId));
		String spans = RollupSpan.condition(RollupSpan.cover(from, until, true), params);
		return totals("survey_id = ? AND " + spans, params);
	}

	/**
	 * The overall counts of every day so far (a poll's results): the survey's month rows,
	 * which hold every day once.
	 * @param surveyId the survey
	 * @return the counts
	 */
	public ResultsCounts allTime(long surveyId) {
		return totals("survey_id = ? AND span = ?", List.of(surveyId, RollupSpan.MONTH.code()));
	}

	private ResultsCounts totals(String condition, List<Object> params) {
		ResultsCounts counts = new ResultsCounts();
		this.jdbc
			.sql("SELECT question_key, bucket, SUM(answers) FROM survey_total_rollup WHERE " + condition
					+ " GROUP BY question_key, bucket")
			.params(params)
			.query((rs, n) -> {
				counts.add(rs.getString(1), rs.getString(2), rs.getLong(3));
				return null;
			})
			.list();
		return counts;
	}

	/**
	 * The counts of a period by question and bucket for a trend, read as whole weeks and
	 * days (a weekly trend) or as whole months, weeks within a month and days (a monthly
	 * one), so that each span falls in one bucket of the trend.
	 * @param surveyId the survey
	 * @param from the first day
	 * @param until the day after the last
	 * @param months whether the trend is by month (else by week)
	 * @return one row per span, question and bucket, by the span's first day
	 */
	public List<DayCount> trend(long surveyId, LocalDate from, LocalDate until, boolean months) {
		List<Object> params = new ArrayList<>(List.of(surveyId));
		String spans = RollupSpan.condition(RollupSpan.cover(from, until, months), params);
		return this.jdbc
			.sql("SELECT first_day, question_key, bucket, answers FROM survey_total_rollup WHERE survey_id = ? AND "
					+ spans + " AND question_key <> '' ORDER BY first_day")
			.params(params)
			.query((rs, n) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
					rs.getLong(4)))
			.list();
	}

	/**
	 * A page of open-text answers of completed responses, newest first.
	 * @param surveyId the survey
	 * @param label only answers with this sentiment label, or null for all
	 * @param search only answers containing this text (case-insensitive), or null
	 * @param after the position after which the page starts, or null for the first page
	 * @return the answers and where the next page starts
	 */
	public OpenTextPage openTexts(long surveyId, String label, String search, OpenTextPage.Position after) {
		Map<Long, String> questions = questionKeys(this.jdbc, surveyId, "TEXT");
		if (questions.isEmpty()) {
			return new OpenTextPage(List.of(), null);
		}
		// the survey's text questions as a list of ids, not a join: a join with the small
		// question table makes MariaDB sort every answer of the survey before the LIMIT
		StringBuilder sql = new StringBuilder("""
				SELECT r.id, a.question_id, a.text_value, a.sentiment_label, a.sentiment_score,
				       a.sentiment_drivers, r.completed_at, r.channel, r.locale
				FROM survey_response r
				JOIN survey_answer a ON a.response_id = r.id
				WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND a.text_value IS NOT NULL
				""");
		List<Object> params = new ArrayList<>();
		params.add(surveyId);
		sql.append(" AND a.question_id IN (").append(placeholders(questions.size())).append(')');
		params.addAll(questions.keySet());
		if (label != null) {
			sql.append(" AND a.sentiment_label = ?");
			params.add(label);
		}
		if (search != null && !search.isBlank()) {
			sql.append(" AND a.text_value LIKE ? ESCAPE '!'");
			params.add("%" + likeEscaped(search.strip()) + "%");
		}
		if (after != null) {
			sql.append(" AND r.id < ?");
			params.add(after.responseId());
		}
		// ordered by response only, so that the (survey_id, id) index gives the order and
		// a page reads only its own rows; a page ends with a whole response
		sql.append(" ORDER BY r.id DESC LIMIT ").append(PAGE_SIZE + 1);
		List<OpenTextAnswer> rows = new ArrayList<>(this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new OpenTextAnswer(rs.getLong(1), rs.getLong(2), questions.get(rs.getLong(2)),
					rs.getString(3), rs.getString(4),
					(rs.getBigDecimal(5) != null) ? rs.getBigDecimal(5).doubleValue() : null, rs.getString(6),
					instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9)))
			.list());
		rows.sort(java.util.Comparator.comparingLong(OpenTextAnswer::responseId)
			.reversed()
			.thenComparingLong(OpenTextAnswer::questionId));
		if (rows.size() <= PAGE_SIZE) {
			return new OpenTextPage(rows, null);
		}
		long cut = rows.get(PAGE_SIZE).responseId();
		List<OpenTextAnswer> page = rows.stream().filter((row) -> row.responseId() != cut).toList();
		if (page.isEmpty()) {
			// one response with more open answers than a page: show them all
			page = rows.stream().filter((row) -> row.responseId() == cut).toList();
			return new OpenTextPage(page, new OpenTextPage.Position(cut, 0));
		}
		return new OpenTextPage(page, new OpenTextPage.Position(page.get(page.size() - 1).responseId(), 0));
	}

	/**
	 * The questions of a type in every version of a survey, by id.
	 * @param jdbc the database
	 * @param surveyId the survey
	 * @param type the question type's name
	 * @return the question keys by question id
	 */
	static Map<Long, String> questionKeys(JdbcClient jdbc, long surveyId, String type) {
		Map<Long, String> keys = new LinkedHashMap<>();
		jdbc.sql("SELECT id, question_key FROM survey_question WHERE survey_id = ? AND question_type = ? ORDER BY id")
			.params(surveyId, type)
			.query((rs, n) -> keys.put(rs.getLong(1), rs.getString(2)))
			.list();
		return keys;
	}

	/** "?, ?, ?" for a list of {@code count} parameters. */
	static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String likeEscaped(String search) {
		String text = (search.length() > MAX_SEARCH) ? search.substring(0, MAX_SEARCH) : search;
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '%' || c == '_' || c == '!') {
				escaped.append('!');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/**
	 * Responses started on a day in a channel.
	 *
	 * @param day the day
	 * @param channel the channel
	 * @param started how many
	 */
	public record StartedCount(LocalDate day, String channel, long started) {

	}

	/**
	 * The count of one bucket in one span of days.
	 *
	 * @param day the span's first day
	 * @param questionKey the question
	 * @param bucket the bucket
	 * @param count the count
	 */
	public record DayCount(LocalDate day, String questionKey, String bucket, long count) {
	}

}

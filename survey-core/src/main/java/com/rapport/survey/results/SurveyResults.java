package com.rapport.survey.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read model of a survey's results page: counts from the rollup table for a period
 * (by channel, locale and device, or by day) and the open-text answers, paged by keyset.
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

	/** Today in the brand's time zone. */
	public LocalDate today() {
		return this.rollups.today();
	}

	/**
	 * The counts of a period by question, bucket, channel, locale and device.
	 * @param surveyId the survey
	 * @param from the first day
	 * @param until the day after the last
	 * @return the counts
	 */
	public ResultsCounts period(long surveyId, LocalDate from, LocalDate until) {
		ResultsCounts counts = new ResultsCounts();
		this.jdbc.sql("""
				SELECT question_key, bucket, channel, locale, device, SUM(answers) FROM survey_rollup
				WHERE survey_id = ? AND day >= ? AND day < ?
				GROUP BY question_key, bucket, channel, locale, device
				""").params(surveyId, from, until).query((rs, n) -> {
			counts.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getLong(6));
			return null;
		}).list();
		return counts;
	}

	/**
	 * The counts of every day so far (a poll's results).
	 * @param surveyId the survey
	 * @return the counts
	 */
	public ResultsCounts allTime(long surveyId) {
		return period(surveyId, LocalDate.of(2000, 1, 1), today().plusDays(2));
	}

	/**
	 * The counts of a period by day, question and bucket.
	 * @param surveyId the survey
	 * @param from the first day
	 * @param until the day after the last
	 * @return one row per day, question and bucket, by day
	 */
	public List<DayCount> daily(long surveyId, LocalDate from, LocalDate until) {
		return this.jdbc.sql("""
				SELECT day, question_key, bucket, SUM(answers) FROM survey_rollup
				WHERE survey_id = ? AND day >= ? AND day < ? AND question_key <> ''
				GROUP BY day, question_key, bucket ORDER BY day
				""")
			.params(surveyId, from, until)
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
		StringBuilder sql = new StringBuilder("""
				SELECT r.id, a.question_id, q.question_key, a.text_value, a.sentiment_label, a.sentiment_score,
				       a.sentiment_drivers, r.completed_at, r.channel, r.locale
				FROM survey_response r
				JOIN survey_answer a ON a.response_id = r.id
				JOIN survey_question q ON q.id = a.question_id
				WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND q.question_type = 'TEXT'
				  AND a.text_value IS NOT NULL
				""");
		List<Object> params = new ArrayList<>();
		params.add(surveyId);
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
			.query((rs, n) -> new OpenTextAnswer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (rs.getBigDecimal(6) != null) ? rs.getBigDecimal(6).doubleValue() : null,
					rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10)))
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
	 * The count of one bucket on one day.
	 *
	 * @param day the day
	 * @param questionKey the question
	 * @param bucket the bucket
	 * @param count the count
	 */
	public record DayCount(LocalDate day, String questionKey, String bucket, long count) {
	}

}

package com.rapport.survey.results;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.rapport.survey.metrics.ScoreCounts;
import com.rapport.survey.survey.QuestionType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scores of scale questions per hidden field value ({@code survey_hidden_rollup}):
 * counted in the transaction that completes a response (through {@link SurveyRollups}),
 * on that day in the brand's time zone, and read per period for the results page's
 * breakdown. Only the {@value #VALUES_SHOWN} values with the most answers of each field
 * are shown, so a field holding an id per respondent cannot make the page long.
 */
@Component
public class HiddenFieldRollups {

	/** The values of one field shown, those with the most answers. */
	public static final int VALUES_SHOWN = 20;

	static final int REBUILD_BATCH = 2000;

	private static final int WRITE_BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	HiddenFieldRollups(JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${rapport.time-zone:UTC}") String zone) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Counts a completed response; called by {@link SurveyRollups} in the transaction
	 * that completes it, after its answers are stored.
	 * @param responseId the response
	 */
	void completed(long responseId) {
		this.jdbc.sql("SELECT id, survey_id, hidden_fields, completed_at FROM survey_response WHERE id = ?")
			.param(responseId)
			.query((rs, n) -> new Response(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4)))
			.optional()
			.ifPresent((response) -> {
				Map<List<Object>, Long> counts = new TreeMap<>(KEY_ORDER);
				add(counts, response, scaleAnswers(List.of(response.id())).getOrDefault(response.id(), List.of()));
				write(counts);
			});
	}

	/**
	 * Counts every completed response again, survey by survey, each in one transaction
	 * that first deletes the survey's rows.
	 * @return the responses read
	 */
	public long rebuild() {
		long read = 0;
		for (long surveyId : this.jdbc.sql("SELECT id FROM survey ORDER BY id").query(Long.class).list()) {
			Long n = this.transactions.execute((status) -> rebuild(surveyId));
			read += (n != null) ? n : 0;
		}
		return read;
	}

	private long rebuild(long surveyId) {
		this.jdbc.sql("DELETE FROM survey_hidden_rollup WHERE survey_id = ?").param(surveyId).update();
		Map<List<Object>, Long> counts = new TreeMap<>(KEY_ORDER);
		long after = 0;
		long read = 0;
		while (true) {
			List<Response> batch = this.jdbc.sql("""
					SELECT id, hidden_fields, completed_at FROM survey_response
					WHERE survey_id = ? AND id > ? ORDER BY id LIMIT ?""")
				.params(surveyId, after, REBUILD_BATCH)
				.query((rs, n) -> new Response(rs.getLong(1), surveyId, rs.getString(2), rs.getTimestamp(3)))
				.list();
			if (batch.isEmpty()) {
				break;
			}
			List<Long> withFields = batch.stream()
				.filter((r) -> r.hidden() != null && r.completedAt() != null)
				.map(Response::id)
				.toList();
			Map<Long, List<Answer>> answers = withFields.isEmpty() ? Map.of() : scaleAnswers(withFields);
			for (Response response : batch) {
				add(counts, response, answers.getOrDefault(response.id(), List.of()));
			}
			read += batch.size();
			after = batch.get(batch.size() - 1).id();
		}
		write(counts);
		return read;
	}

	/**
	 * A survey's scale answers of a period per hidden field and value.
	 * @param surveyId the survey
	 * @param from the first day
	 * @param until the day after the last
	 * @return per field (alphabetically) its most answered values, each with its counts
	 */
	public HiddenBreakdown period(long surveyId, LocalDate from, LocalDate until) {
		Map<String, Map<String, Map<String, Map<Integer, Long>>>> cells = new TreeMap<>();
		this.jdbc.sql("""
				SELECT field_name, field_value, question_key, bucket, SUM(answers) FROM survey_hidden_rollup
				WHERE survey_id = ? AND day >= ? AND day < ?
				GROUP BY field_name, field_value, question_key, bucket""")
			.params(surveyId, Date.valueOf(from), Date.valueOf(until))
			.query((rs) -> {
				cells.computeIfAbsent(rs.getString(1), (f) -> new LinkedHashMap<>())
					.computeIfAbsent(rs.getString(2), (v) -> new LinkedHashMap<>())
					.computeIfAbsent(rs.getString(3), (q) -> new TreeMap<>())
					.merge(Integer.parseInt(rs.getString(4).substring(1)), rs.getLong(5), Long::sum);
			});
		return new HiddenBreakdown(cells);
	}

	private void add(Map<List<Object>, Long> counts, Response response, List<Answer> answers) {
		if (response.hidden() == null || response.completedAt() == null || answers.isEmpty()) {
			return;
		}
		add(counts, response.surveyId(), response.hidden(), response.completedAt().toInstant(), answers);
	}

	/**
	 * Adds the counts of a completed response whose scale answers are known in memory (a
	 * response created and completed by one request).
	 * @param counts the counts to add to, in {@link #KEY_ORDER}
	 * @param surveyId the survey
	 * @param hidden the stored hidden fields, or null
	 * @param completedAt when it was completed
	 * @param answers its scale answers
	 */
	void add(Map<List<Object>, Long> counts, long surveyId, String hidden, Instant completedAt, List<Answer> answers) {
		if (hidden == null || answers.isEmpty()) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(completedAt, this.zone);
		decode(hidden).forEach((name, value) -> {
			for (Answer answer : answers) {
				counts.merge(List.<Object>of(surveyId, day, name, value, answer.questionKey(), "v" + answer.value()),
						1L, Long::sum);
			}
		});
	}

	private Map<Long, List<Answer>> scaleAnswers(List<Long> responseIds) {
		Map<Long, List<Answer>> answers = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT a.response_id, q.question_key, q.question_type, a.number_value FROM survey_answer a
				JOIN survey_question q ON q.id = a.question_id
				WHERE a.response_id IN (:ids) AND a.number_value IS NOT NULL""")
			.param("ids", responseIds)
			.query((rs) -> {
				if (QuestionType.valueOf(rs.getString(3)).isScale()) {
					answers.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
						.add(new Answer(rs.getString(2), rs.getInt(4)));
				}
			});
		return answers;
	}

	// in key order (the map is sorted by KEY_ORDER), so that concurrent transactions lock
	// rows in the same order; one upsert per 500 rows
	void write(Map<List<Object>, Long> counts) {
		List<Map.Entry<List<Object>, Long>> entries = new ArrayList<>(counts.entrySet());
		for (int from = 0; from < entries.size(); from += WRITE_BATCH) {
			List<Map.Entry<List<Object>, Long>> batch = entries.subList(from,
					Math.min(entries.size(), from + WRITE_BATCH));
			StringBuilder sql = new StringBuilder("INSERT INTO survey_hidden_rollup (survey_id, day, field_name, "
					+ "field_value, question_key, bucket, answers) VALUES ");
			Object[] params = new Object[batch.size() * 7];
			for (int i = 0; i < batch.size(); i++) {
				sql.append((i == 0) ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
				List<Object> key = batch.get(i).getKey();
				int p = i * 7;
				params[p] = key.get(0);
				params[p + 1] = Date.valueOf((LocalDate) key.get(1));
				params[p + 2] = key.get(2);
				params[p + 3] = key.get(3);
				params[p + 4] = key.get(4);
				params[p + 5] = key.get(5);
				params[p + 6] = batch.get(i).getValue();
			}
			sql.append(" ON DUPLICATE KEY UPDATE answers = answers + VALUES(answers)");
			this.jdbc.sql(sql.toString()).params(params).update();
		}
	}

	/** The fields as stored: URL-encoded {@code name=value} pairs joined by {@code &}. */
	static Map<String, String> decode(String stored) {
		Map<String, String> fields = new TreeMap<>();
		for (String pair : stored.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	static final Comparator<List<Object>> KEY_ORDER = Comparator.comparing((List<Object> key) -> (Long) key.get(0))
		.thenComparing((key) -> (LocalDate) key.get(1))
		.thenComparing((key) -> (String) key.get(2))
		.thenComparing((key) -> (String) key.get(3))
		.thenComparing((key) -> (String) key.get(4))
		.thenComparing((key) -> (String) key.get(5));

	private record Response(long id, long surveyId, String hidden, Timestamp completedAt) {
	}

	record Answer(String questionKey, int value) {
	}

	/**
	 * The scale answers of a period per hidden field and value.
	 */
	public static final class HiddenBreakdown {

		// field → value → question key → scale value → answers
		private final Map<String, Map<String, Map<String, Map<Integer, Long>>>> cells;

		HiddenBreakdown(Map<String, Map<String, Map<String, Map<Integer, Long>>>> cells) {
			this.cells = new TreeMap<>(cells);
		}

		/**
		 * The fields that have answers to a question, alphabetically.
		 * @param questionKey the question
		 * @return the field names
		 */
		public List<String> fields(String questionKey) {
			return this.cells.entrySet()
				.stream()
				.filter((field) -> field.getValue().values().stream().anyMatch((v) -> v.containsKey(questionKey)))
				.map(Map.Entry::getKey)
				.toList();
		}

		/**
		 * A field's values with the most answers to a question (at most
		 * {@link #VALUES_SHOWN}), most answered first, then alphabetically.
		 * @param field the field
		 * @param questionKey the question
		 * @param min the scale's lowest value
		 * @param max the scale's highest value
		 * @return each value with its counts
		 */
		public Map<String, ScoreCounts> scores(String field, String questionKey, int min, int max) {
			List<Map.Entry<String, ScoreCounts>> values = new ArrayList<>();
			this.cells.getOrDefault(field, Map.of()).forEach((value, questions) -> {
				Map<Integer, Long> counts = questions.get(questionKey);
				if (counts != null) {
					ScoreCounts scores = ScoreCounts.empty(min, max);
					counts.forEach((v, n) -> {
						if (v >= min && v <= max) {
							scores.add(v, n);
						}
					});
					values.add(Map.entry(value, scores));
				}
			});
			values.sort(Comparator.comparingLong((Map.Entry<String, ScoreCounts> e) -> e.getValue().n())
				.reversed()
				.thenComparing(Map.Entry::getKey));
			Map<String, ScoreCounts> shown = new LinkedHashMap<>();
			values.stream().limit(VALUES_SHOWN).forEach((e) -> shown.put(e.getKey(), e.getValue()));
			return shown;
		}

	}

}

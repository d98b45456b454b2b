package com.rapport.survey.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Increments to the rollup tables, collected in key order so that every transaction locks
 * its rows in the same order; the live updates and the rebuild derive their buckets from
 * the same methods, so both give the same counts, and the coarse tables are derived from
 * the fine table's keys in the same write, so none disagrees with another.
 */
final class RollupCounts {

	static final String FUNNEL = "";

	static final String SHOWN = "shown";

	static final String STARTED = "started";

	static final String COMPLETED = "completed";

	static final String ANSWERED = "n";

	static final String REACHED = "r";

	private static final int BATCH = 500;

	/** Orders the keys of the coarse tables column by column, as their primary keys. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
		for (int i = 0; i < a.size(); i++) {
			int c = ((Comparable) a.get(i)).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return 0;
	};

	private final TreeMap<Key, Long> counts = new TreeMap<>();

	void add(long surveyId, String questionKey, LocalDate day, Dimensions dims, String bucket, long n) {
		this.counts.merge(new Key(surveyId, day, questionKey, dims.channel(), dims.locale(), dims.device(), bucket), n,
				Long::sum);
	}

	/**
	 * The buckets of one completed response: completed, and per answer 'n' and its value,
	 * choices or sentiment.
	 */
	void completed(long surveyId, LocalDate day, Dimensions dims, List<StoredAnswer> answers) {
		add(surveyId, FUNNEL, day, dims, COMPLETED, 1);
		for (StoredAnswer answer : answers) {
			for (String bucket : answer.buckets()) {
				add(surveyId, answer.key(), day, dims, bucket, 1);
			}
		}
	}

	boolean isEmpty() {
		return this.counts.isEmpty();
	}

	Map<Key, Long> asMap() {
		return this.counts;
	}

	/**
	 * Adds the counts to the fine table and, derived from the same keys, to the coarse
	 * ones (totals and one dimension at a time, per day, week and month): one upsert per
	 * batch of rows, every table in key order and the tables always in the same order.
	 */
	void writeTo(JdbcClient jdbc) {
		upsert(jdbc, "survey_rollup (survey_id, day, question_key, channel, locale, device, bucket, answers)",
				this.counts);
		TreeMap<List<Object>, Long> totals = new TreeMap<>(KEY_ORDER);
		TreeMap<List<Object>, Long> dimensions = new TreeMap<>(KEY_ORDER);
		this.counts.forEach((key, n) -> {
			for (RollupSpan span : RollupSpan.values()) {
				String code = span.code();
				LocalDate first = span.firstDayOf(key.day());
				totals.merge(List.of(key.surveyId(), code, first, key.questionKey(), key.bucket()), n, Long::sum);
				for (ResultsCounts.Dimension dimension : ResultsCounts.Dimension.values()) {
					String value = key.dimensions().of(dimension);
					if (!value.isEmpty()) {
						dimensions.merge(List.of(key.surveyId(), code, first, dimension.name(), value,
								key.questionKey(), key.bucket()), n, Long::sum);
					}
				}
			}
		});
		upsert(jdbc, "survey_total_rollup (survey_id, span, first_day, question_key, bucket, answers)", totals);
		upsert(jdbc, "survey_dimension_rollup (survey_id, span, first_day, dimension, dimension_value, question_key, "
				+ "bucket, answers)", dimensions);
	}

	/**
	 * Deletes the rows of one key left at zero by a move between buckets (a rebuild would
	 * not write them), in every table.
	 * @param jdbc the database
	 * @param key the emptied key of the fine table
	 */
	static void deleteEmptied(JdbcClient jdbc, Key key) {
		jdbc.sql("DELETE FROM survey_rollup WHERE survey_id = ? AND day = ? AND question_key = ? AND channel = ? "
				+ "AND locale = ? AND device = ? AND bucket = ? AND answers = 0")
			.params(key.surveyId(), key.day(), key.questionKey(), key.channel(), key.locale(), key.device(),
					key.bucket())
			.update();
		for (RollupSpan span : RollupSpan.values()) {
			LocalDate first = span.firstDayOf(key.day());
			jdbc.sql("DELETE FROM survey_total_rollup WHERE survey_id = ? AND span = ? AND first_day = ? "
					+ "AND question_key = ? AND bucket = ? AND answers = 0")
				.params(key.surveyId(), span.code(), first, key.questionKey(), key.bucket())
				.update();
			jdbc.sql("DELETE FROM survey_dimension_rollup WHERE survey_id = ? AND span = ? AND first_day = ? "
					+ "AND question_key = ? AND bucket = ? AND answers = 0")
				.params(key.surveyId(), span.code(), first, key.questionKey(), key.bucket())
				.update();
		}
	}

	private static void upsert(JdbcClient jdbc, String table, Map<? extends Object, Long> rows) {
		var entries = List.copyOf(rows.entrySet());
		for (int from = 0; from < entries.size(); from += BATCH) {
			var batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
			List<Object> params = new ArrayList<>();
			String row = null;
			for (var entry : batch) {
				List<?> columns = columns(entry.getKey());
				params.addAll(columns);
				params.add(entry.getValue());
				row = (row != null) ? row : "(" + SurveyResults.placeholders(columns.size() + 1) + ")";
			}
			String values = String.join(", ", java.util.Collections.nCopies(batch.size(), row));
			jdbc.sql("INSERT INTO " + table + " VALUES " + values
					+ " ON DUPLICATE KEY UPDATE answers = answers + VALUES(answers)")
				.params(params)
				.update();
		}
	}

	private static List<?> columns(Object key) {
		if (key instanceof Key fine) {
			return List.of(fine.surveyId(), fine.day(), fine.questionKey(), fine.channel(), fine.locale(),
					fine.device(), fine.bucket());
		}
		return (List<?>) key;
	}

	/**
	 * Where a response came from.
	 *
	 * @param channel the channel
	 * @param locale the language shown
	 * @param device the device class
	 */
	record Dimensions(String channel, String locale, String device) {

		static final Dimensions UNKNOWN = new Dimensions("", "", "");

		String of(ResultsCounts.Dimension dimension) {
			return switch (dimension) {
				case CHANNEL -> this.channel;
				case LOCALE -> this.locale;
				case DEVICE -> this.device;
			};
		}

	}

	/**
	 * One row of the rollup table.
	 */
	record Key(long surveyId, LocalDate day, String questionKey, String channel, String locale, String device,
			String bucket) implements Comparable<Key> {

		Dimensions dimensions() {
			return new Dimensions(this.channel, this.locale, this.device);
		}

		@Override
		public int compareTo(Key other) {
			int c = Long.compare(this.surveyId, other.surveyId);
			c = (c != 0) ? c : this.day.compareTo(other.day);
			c = (c != 0) ? c : this.questionKey.compareTo(other.questionKey);
			c = (c != 0) ? c : this.channel.compareTo(other.channel);
			c = (c != 0) ? c : this.locale.compareTo(other.locale);
			c = (c != 0) ? c : this.device.compareTo(other.device);
			return (c != 0) ? c : this.bucket.compareTo(other.bucket);
		}

	}

	/**
	 * A stored answer with its question's key and type.
	 *
	 * @param key the question key
	 * @param type the question type name
	 * @param number a rating or a single choice
	 * @param choices a multiple choice's numbers, comma separated
	 * @param text a text or "Other" text
	 * @param sentiment the text's sentiment label, or null
	 */
	record StoredAnswer(String key, String type, Integer number, String choices, String text, String sentiment) {

		List<String> buckets() {
			List<String> buckets = new java.util.ArrayList<>();
			buckets.add(ANSWERED);
			switch (this.type) {
				case "TEXT" -> buckets.add("s:" + ((this.sentiment != null) ? this.sentiment : "NOT_ANALYSED"));
				case "MULTIPLE_CHOICE" -> {
					if (this.choices != null) {
						for (String choice : this.choices.split(",")) {
							buckets.add("c" + choice.strip());
						}
					}
					if (this.text != null) {
						buckets.add("c0");
					}
				}
				case "SINGLE_CHOICE" -> {
					if (this.number != null) {
						buckets.add("c" + this.number);
					}
				}
				default -> {
					if (this.number != null) {
						buckets.add("v" + this.number);
					}
				}
			}
			return buckets;
		}

	}

}

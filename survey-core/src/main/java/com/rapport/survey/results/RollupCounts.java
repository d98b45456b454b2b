package com.rapport.survey.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Increments to the rollup table, collected in key order so that every transaction locks
 * its rows in the same order; the live updates and the rebuild derive their buckets from
 * the same methods, so both give the same counts.
 */
final class RollupCounts {

	static final String FUNNEL = "";

	static final String SHOWN = "shown";

	static final String STARTED = "started";

	static final String COMPLETED = "completed";

	static final String ANSWERED = "n";

	static final String REACHED = "r";

	private static final int BATCH = 500;

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

	/** Adds the counts to the table (one upsert per batch of rows). */
	void writeTo(JdbcClient jdbc) {
		var entries = List.copyOf(this.counts.entrySet());
		for (int from = 0; from < entries.size(); from += BATCH) {
			var batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
			StringBuilder sql = new StringBuilder("INSERT INTO survey_rollup (survey_id, day, question_key, channel, "
					+ "locale, device, bucket, answers) VALUES ");
			Object[] params = new Object[batch.size() * 8];
			for (int i = 0; i < batch.size(); i++) {
				sql.append((i == 0) ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)");
				Key key = batch.get(i).getKey();
				int p = i * 8;
				params[p] = key.surveyId();
				params[p + 1] = key.day();
				params[p + 2] = key.questionKey();
				params[p + 3] = key.channel();
				params[p + 4] = key.locale();
				params[p + 5] = key.device();
				params[p + 6] = key.bucket();
				params[p + 7] = batch.get(i).getValue();
			}
			sql.append(" ON DUPLICATE KEY UPDATE answers = answers + VALUES(answers)");
			jdbc.sql(sql.toString()).params(params).update();
		}
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

	}

	/**
	 * One row of the rollup table.
	 */
	record Key(long surveyId, LocalDate day, String questionKey, String channel, String locale, String device,
			String bucket) implements Comparable<Key> {

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

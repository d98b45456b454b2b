package com.rapport.survey.results;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.rapport.survey.metrics.ScoreCounts;

/**
 * The rollup counts of a period by question, bucket, channel, locale and device, with the
 * sums the metrics read, overall or for one channel, locale or device.
 */
public final class ResultsCounts {

	private final Map<Cell, Long> cells = new HashMap<>();

	void add(String questionKey, String bucket, String channel, String locale, String device, long count) {
		this.cells.merge(new Cell(questionKey, bucket, channel, locale, device), count, Long::sum);
	}

	/**
	 * The answers per scale value of a question.
	 * @param questionKey the question
	 * @param min the scale's lowest value
	 * @param max the scale's highest value
	 * @param filter which cells count (see {@link #all()}, {@link #channel(String)} …)
	 * @return the counts
	 */
	public ScoreCounts scores(String questionKey, int min, int max, Predicate<Cell> filter) {
		ScoreCounts scores = ScoreCounts.empty(min, max);
		this.cells.forEach((cell, count) -> {
			if (cell.questionKey().equals(questionKey) && cell.bucket().startsWith("v") && filter.test(cell)) {
				scores.add(Integer.parseInt(cell.bucket().substring(1)), count);
			}
		});
		return scores;
	}

	/**
	 * Picks per option of a choice question (0 for "Other").
	 * @param questionKey the question
	 * @param filter which cells count
	 * @return picks by option number
	 */
	public Map<Integer, Long> picks(String questionKey, Predicate<Cell> filter) {
		Map<Integer, Long> picks = new HashMap<>();
		this.cells.forEach((cell, count) -> {
			if (cell.questionKey().equals(questionKey) && cell.bucket().startsWith("c") && filter.test(cell)) {
				picks.merge(Integer.parseInt(cell.bucket().substring(1)), count, Long::sum);
			}
		});
		return picks;
	}

	/**
	 * Open-text answers per sentiment label.
	 * @param questionKey the question
	 * @return counts by label name, in label order
	 */
	public Map<String, Long> sentiments(String questionKey) {
		Map<String, Long> labels = new LinkedHashMap<>();
		for (String label : new String[] { "POSITIVE", "NEUTRAL", "NEGATIVE", "NOT_ANALYSED" }) {
			labels.put(label, count(questionKey, "s:" + label, all()));
		}
		return labels;
	}

	/**
	 * Answers of a question in completed responses.
	 * @param questionKey the question
	 * @param filter which cells count
	 * @return the count
	 */
	public long answered(String questionKey, Predicate<Cell> filter) {
		return count(questionKey, RollupCounts.ANSWERED, filter);
	}

	/**
	 * Responses (complete or not) that answered a question.
	 * @param questionKey the question
	 * @return the count
	 */
	public long reached(String questionKey) {
		return count(questionKey, RollupCounts.REACHED, all());
	}

	/** Times the survey was shown. */
	public long shown() {
		return count(RollupCounts.FUNNEL, RollupCounts.SHOWN, all());
	}

	/** Responses started. */
	public long started() {
		return count(RollupCounts.FUNNEL, RollupCounts.STARTED, all());
	}

	/** Responses completed. */
	public long completed() {
		return count(RollupCounts.FUNNEL, RollupCounts.COMPLETED, all());
	}

	/**
	 * The values of a dimension present in the counts (without the unknown one).
	 * @param dimension channel, locale or device
	 * @return the values, sorted
	 */
	public Set<String> values(Dimension dimension) {
		Set<String> values = new TreeSet<>();
		this.cells.keySet().forEach((cell) -> values.add(dimension.of(cell)));
		values.remove("");
		return values;
	}

	private long count(String questionKey, String bucket, Predicate<Cell> filter) {
		long total = 0;
		for (Map.Entry<Cell, Long> entry : this.cells.entrySet()) {
			Cell cell = entry.getKey();
			if (cell.questionKey().equals(questionKey) && cell.bucket().equals(bucket) && filter.test(cell)) {
				total += entry.getValue();
			}
		}
		return total;
	}

	/** Every cell. */
	public static Predicate<Cell> all() {
		return (cell) -> true;
	}

	/**
	 * The cells of one value of a dimension.
	 * @param dimension the dimension
	 * @param value its value
	 * @return the filter
	 */
	public static Predicate<Cell> where(Dimension dimension, String value) {
		return (cell) -> dimension.of(cell).equals(value);
	}

	/** The dimensions a period breaks down by. */
	public enum Dimension {

		/** Where it was answered. */
		CHANNEL,
		/** The language shown. */
		LOCALE,
		/** The device class. */
		DEVICE;

		String of(Cell cell) {
			return switch (this) {
				case CHANNEL -> cell.channel();
				case LOCALE -> cell.locale();
				case DEVICE -> cell.device();
			};
		}

	}

	/**
	 * One group of the rollup counts.
	 *
	 * @param questionKey the question ('' for the funnel)
	 * @param bucket the bucket
	 * @param channel the channel
	 * @param locale the locale
	 * @param device the device
	 */
	public record Cell(String questionKey, String bucket, String channel, String locale, String device) {
	}

}

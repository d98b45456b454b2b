package com.rapport.survey.results;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.rapport.survey.metrics.ScoreCounts;

/**
 * The rollup counts of a period by question and bucket, overall and for each value of
 * channel, locale and device, with the sums the metrics read.
 */
public final class ResultsCounts {

	private static final Slice ALL = new Slice(null, "");

	private final Map<Cell, Long> cells = new HashMap<>();

	/**
	 * Adds to the overall counts.
	 * @param questionKey the question ('' for the funnel)
	 * @param bucket the bucket
	 * @param count the count
	 */
	void add(String questionKey, String bucket, long count) {
		this.cells.merge(new Cell(ALL, questionKey, bucket), count, Long::sum);
	}

	/**
	 * Adds to the counts of one value of a dimension.
	 * @param dimension the dimension
	 * @param value its value
	 * @param questionKey the question ('' for the funnel)
	 * @param bucket the bucket
	 * @param count the count
	 */
	void add(Dimension dimension, String value, String questionKey, String bucket, long count) {
		this.cells.merge(new Cell(new Slice(dimension, value), questionKey, bucket), count, Long::sum);
	}

	/**
	 * The answers per scale value of a question.
	 * @param questionKey the question
	 * @param min the scale's lowest value
	 * @param max the scale's highest value
	 * @param filter which counts (see {@link #all()}, {@link #where})
	 * @return the counts
	 */
	public ScoreCounts scores(String questionKey, int min, int max, Slice filter) {
		ScoreCounts scores = ScoreCounts.empty(min, max);
		this.cells.forEach((cell, count) -> {
			if (cell.questionKey().equals(questionKey) && cell.bucket().startsWith("v")
					&& cell.slice().equals(filter)) {
				scores.add(Integer.parseInt(cell.bucket().substring(1)), count);
			}
		});
		return scores;
	}

	/**
	 * Picks per option of a choice question (0 for "Other").
	 * @param questionKey the question
	 * @param filter which counts
	 * @return picks by option number
	 */
	public Map<Integer, Long> picks(String questionKey, Slice filter) {
		Map<Integer, Long> picks = new HashMap<>();
		this.cells.forEach((cell, count) -> {
			if (cell.questionKey().equals(questionKey) && cell.bucket().startsWith("c")
					&& cell.slice().equals(filter)) {
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
	 * @param filter which counts
	 * @return the count
	 */
	public long answered(String questionKey, Slice filter) {
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
		this.cells.keySet().forEach((cell) -> {
			if (cell.slice().dimension() == dimension) {
				values.add(cell.slice().value());
			}
		});
		values.remove("");
		return values;
	}

	private long count(String questionKey, String bucket, Slice filter) {
		long total = 0;
		for (Map.Entry<Cell, Long> entry : this.cells.entrySet()) {
			Cell cell = entry.getKey();
			if (cell.questionKey().equals(questionKey) && cell.bucket().equals(bucket) && cell.slice().equals(filter)) {
				total += entry.getValue();
			}
		}
		return total;
	}

	/** The overall counts. */
	public static Slice all() {
		return ALL;
	}

	/**
	 * The counts of one value of a dimension.
	 * @param dimension the dimension
	 * @param value its value
	 * @return the filter
	 */
	public static Slice where(Dimension dimension, String value) {
		return new Slice(dimension, value);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ResultsCounts counts) && counts.cells.equals(this.cells);
	}

	@Override
	public int hashCode() {
		return this.cells.hashCode();
	}

	@Override
	public String toString() {
		return this.cells.toString();
	}

	/** The dimensions a period breaks down by. */
	public enum Dimension {

		/** Where it was answered. */
		CHANNEL,
		/** The language shown. */
		LOCALE,
		/** The device class. */
		DEVICE

	}

	/**
	 * Which counts: overall ({@code dimension} null) or of one value of a dimension.
	 *
	 * @param dimension the dimension, or null for the overall counts
	 * @param value its value
	 */
	public record Slice(Dimension dimension, String value) {
	}

	/**
	 * One group of the rollup counts.
	 *
	 * @param slice overall or one value of a dimension
	 * @param questionKey the question ('' for the funnel)
	 * @param bucket the bucket
	 */
	record Cell(Slice slice, String questionKey, String bucket) {
	}

}

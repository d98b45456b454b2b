package com.rapport.survey.metrics;

import java.util.Arrays;

/**
 * How many answers gave each value of a rating scale. Only answered questions are
 * counted: a skipped or dismissed question is not an answer and never enters a
 * denominator.
 */
public final class ScoreCounts {

	private final int min;

	private final long[] counts;

	private ScoreCounts(int min, long[] counts) {
		this.min = min;
		this.counts = counts;
	}

	/**
	 * Counts on the scale {@code min..max}, all zero.
	 * @param min the lowest value
	 * @param max the highest value
	 * @return the empty counts
	 */
	public static ScoreCounts empty(int min, int max) {
		if (max < min) {
			throw new IllegalArgumentException("max < min");
		}
		return new ScoreCounts(min, new long[max - min + 1]);
	}

	/**
	 * Counts given value by value, from {@code min}.
	 * @param min the value of the first count
	 * @param counts one count per value
	 * @return the counts
	 */
	public static ScoreCounts of(int min, long... counts) {
		return new ScoreCounts(min, counts.clone());
	}

	/**
	 * Adds answers with a value; values outside the scale are ignored (they cannot be
	 * stored, the answer parser refuses them).
	 * @param value the value answered
	 * @param count how many answers
	 * @return these counts
	 */
	public ScoreCounts add(int value, long count) {
		int i = value - this.min;
		if (i >= 0 && i < this.counts.length) {
			this.counts[i] += count;
		}
		return this;
	}

	/**
	 * Adds other counts on the same scale.
	 * @param other the counts to add
	 * @return these counts
	 */
	public ScoreCounts addAll(ScoreCounts other) {
		for (int v = other.min(); v <= other.max(); v++) {
			add(v, other.count(v));
		}
		return this;
	}

	public int min() {
		return this.min;
	}

	public int max() {
		return this.min + this.counts.length - 1;
	}

	/**
	 * How many answers gave this value.
	 * @param value a value of the scale
	 * @return the count, 0 outside the scale
	 */
	public long count(int value) {
		int i = value - this.min;
		return (i >= 0 && i < this.counts.length) ? this.counts[i] : 0;
	}

	/** The number of answers. */
	public long n() {
		return Arrays.stream(this.counts).sum();
	}

	/**
	 * How many answers fall in {@code from..to}.
	 * @param from the lowest value counted
	 * @param to the highest value counted
	 * @return the count
	 */
	public long between(int from, int to) {
		long total = 0;
		for (int v = from; v <= to; v++) {
			total += count(v);
		}
		return total;
	}

	/** The mean value; NaN without answers. */
	public double mean() {
		long n = n();
		if (n == 0) {
			return Double.NaN;
		}
		double sum = 0;
		for (int i = 0; i < this.counts.length; i++) {
			sum += (double) (this.min + i) * this.counts[i];
		}
		return sum / n;
	}

	/** The sample variance (n − 1 in the denominator); NaN below two answers. */
	public double variance() {
		long n = n();
		if (n < 2) {
			return Double.NaN;
		}
		double mean = mean();
		double squares = 0;
		for (int i = 0; i < this.counts.length; i++) {
			double d = this.min + i - mean;
			squares += d * d * this.counts[i];
		}
		return squares / (n - 1);
	}

}

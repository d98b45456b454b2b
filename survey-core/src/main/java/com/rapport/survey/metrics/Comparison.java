package com.rapport.survey.metrics;

/**
 * A metric in this period against the previous one.
 *
 * @param current this period
 * @param previous the previous period
 * @param test the test used
 * @param statistic z or t
 * @param pValue the two-sided p-value; NaN when a period has too few answers
 * @param significant whether p &lt; 0.05 with both periods having enough answers
 */
public record Comparison(Estimate current, Estimate previous, SignificanceTest test, double statistic, double pValue,
		boolean significant) {

	/** This period minus the previous one, in the metric's unit. */
	public double difference() {
		return this.current.value() - this.previous.value();
	}

	/** Whether both periods can be compared at all. */
	public boolean comparable() {
		return !Double.isNaN(this.pValue);
	}

}

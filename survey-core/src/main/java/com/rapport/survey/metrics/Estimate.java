package com.rapport.survey.metrics;

/**
 * A metric computed from a sample, with its 95% margin of error.
 *
 * @param definition how the metric is defined (scale, answers counted, rounding)
 * @param value the value, unrounded (points for NPS, percent for shares, the mean for
 * means); NaN without answers
 * @param margin the 95% margin of error in the same unit; NaN when it cannot be computed
 * @param n the answers counted
 * @param enough whether n reaches the minimum for the value to be shown
 */
public record Estimate(MetricDefinition definition, double value, double margin, long n, boolean enough) {

	/** The value rounded as the definition says. */
	public double rounded() {
		return this.definition.round(this.value);
	}

	/** The margin rounded as the definition says. */
	public double roundedMargin() {
		return this.definition.roundMargin(this.margin);
	}

	/** The lower end of the 95% interval. */
	public double low() {
		return this.value - this.margin;
	}

	/** The upper end of the 95% interval. */
	public double high() {
		return this.value + this.margin;
	}

}

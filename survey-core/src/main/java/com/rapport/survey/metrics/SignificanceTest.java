package com.rapport.survey.metrics;

/**
 * The test used to compare a metric between two periods; each has a written description
 * shown in the page's help ({@link #messageKey()}).
 */
public enum SignificanceTest {

	/**
	 * Two-sample z-test on the difference of two NPS, each with its own variance p₉₁₀ +
	 * p₀₆ − (p₉₁₀ − p₀₆)².
	 */
	NPS_Z("npsZ"),
	/** Two-proportion z-test with the pooled proportion. */
	TWO_PROPORTION_Z("proportionZ"),
	/** Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom). */
	WELCH_T("welchT");

	private final String id;

	SignificanceTest(String id) {
		this.id = id;
	}

	/** The message key of the test's description. */
	public String messageKey() {
		return "insights.test." + this.id;
	}

	/**
	 * The test suited to a metric.
	 * @param definition the metric
	 * @return the test
	 */
	public static SignificanceTest forMetric(MetricDefinition definition) {
		return switch (definition) {
			case NPS -> NPS_Z;
			case CES_MEAN, RATING_MEAN -> WELCH_T;
			default -> TWO_PROPORTION_Z;
		};
	}

}

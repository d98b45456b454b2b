package com.rapport.survey.sentiment;

/**
 * The class of a text's sentiment. A text in a language the analyser does not cover is
 * {@link #NOT_ANALYSED}, never {@link #NEUTRAL}.
 */
public enum SentimentLabel {

	/** Score at most −0.05. */
	NEGATIVE,

	/** Score strictly between −0.05 and 0.05. */
	NEUTRAL,

	/** Score at least 0.05. */
	POSITIVE,

	/** The text was not analysed (a language not covered, or nothing to read). */
	NOT_ANALYSED;

	/** The score at or beyond which a text is positive (or negative, mirrored). */
	public static final double THRESHOLD = 0.05;

	/**
	 * The label of a score, with VADER's recommended thresholds of ±0.05.
	 * @param score a score from −1 to 1
	 * @return positive, neutral or negative
	 */
	public static SentimentLabel of(double score) {
		if (score >= THRESHOLD) {
			return POSITIVE;
		}
		if (score <= -THRESHOLD) {
			return NEGATIVE;
		}
		return NEUTRAL;
	}

}

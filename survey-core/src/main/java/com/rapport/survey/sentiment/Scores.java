package com.rapport.survey.sentiment;

/**
 * From a sum of valences to a score from −1 to 1.
 */
final class Scores {

	/** The sum at which the score reaches about 0.5: VADER's alpha of 15. */
	static final double ALPHA = 15;

	private Scores() {
	}

	static double normalize(double sum) {
		double score = sum / Math.sqrt(sum * sum + ALPHA);
		return Math.max(-1.0, Math.min(1.0, score));
	}

	/**
	 * Emphasis from exclamation marks (up to four) and from two or more question marks,
	 * ASCII or full width.
	 */
	static double punctuationEmphasis(String text) {
		int exclamations = 0;
		int questions = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '!' || c == '！') {
				exclamations++;
			}
			else if (c == '?' || c == '？') {
				questions++;
			}
		}
		double emphasis = Math.min(exclamations, 4) * 0.292;
		if (questions > 1) {
			emphasis += (questions <= 3) ? questions * 0.18 : 0.96;
		}
		return emphasis;
	}

	/**
	 * The sum of the cues' valences pushed away from zero by the text's punctuation.
	 */
	static double emphasised(double sum, String text) {
		if (sum == 0) {
			return 0;
		}
		double emphasis = punctuationEmphasis(text);
		return (sum > 0) ? sum + emphasis : sum - emphasis;
	}

	/** VADER rounds its compound score to four decimals. */
	static double round4(double score) {
		return Math.round(score * 10000.0) / 10000.0;
	}

}

package com.rapport.community.listening;

import java.time.LocalDate;

/**
 * The mentions of a term in one day or week.
 *
 * @param start the period's first day
 * @param mentions posts and answers mentioning the term
 * @param negative of which read negative
 * @param neutral of which read neutral
 * @param positive of which read positive (the rest were not analysed: a language the
 * analyser does not cover)
 */
public record TermPeriod(LocalDate start, int mentions, int negative, int neutral, int positive) {

	/** Mentions with a sentiment label: the denominator of the shares. */
	public int analysed() {
		return this.negative + this.neutral + this.positive;
	}

	/** Mentions in a language the analyser does not cover. */
	public int unanalysed() {
		return this.mentions - analysed();
	}

	/**
	 * The negative share in whole percent (half up), or null without analysed mentions.
	 */
	public Integer negativeShare() {
		return share(this.negative, analysed());
	}

	/** The neutral share in whole percent (half up), or null. */
	public Integer neutralShare() {
		return share(this.neutral, analysed());
	}

	/** The positive share in whole percent (half up), or null. */
	public Integer positiveShare() {
		return share(this.positive, analysed());
	}

	static Integer share(int part, int whole) {
		return (whole == 0) ? null : (int) Math.floor(100.0 * part / whole + 0.5);
	}

	TermPeriod plus(int mentions, int negative, int neutral, int positive) {
		return new TermPeriod(this.start, this.mentions + mentions, this.negative + negative, this.neutral + neutral,
				this.positive + positive);
	}

}

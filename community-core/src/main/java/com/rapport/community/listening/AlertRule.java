package com.rapport.community.listening;

/**
 * When a term's negative share jumps: this week (Monday to now, brand time zone) it has
 * at least {@code minMentions} analysed mentions, and its negative share is at least
 * {@code jumpPoints} percentage points above its share over the four whole weeks before
 * (0% when it had no analysed mention then). Shares are negative mentions over analysed
 * mentions; mentions in a language the analyser does not cover count in neither.
 *
 * @param minMentions the fewest analysed mentions this week
 * @param jumpPoints the rise in percentage points
 */
public record AlertRule(int minMentions, double jumpPoints) {

	/**
	 * Whether the figures call for an alert.
	 * @param week this week's analysed mentions and negative ones
	 * @param baseline the four weeks before, summed
	 * @return the jump, or null when there is none
	 */
	public Jump evaluate(Counts week, Counts baseline) {
		if (week.analysed() < this.minMentions || week.analysed() == 0) {
			return null;
		}
		double share = 100.0 * week.negative() / week.analysed();
		double before = (baseline.analysed() == 0) ? 0 : 100.0 * baseline.negative() / baseline.analysed();
		return (share - before >= this.jumpPoints) ? new Jump(week.analysed(), share, before) : null;
	}

	/**
	 * Analysed and negative mentions of a span.
	 *
	 * @param analysed mentions with a sentiment label
	 * @param negative of which negative
	 */
	public record Counts(int analysed, int negative) {
	}

	/**
	 * A jump of the negative share.
	 *
	 * @param analysed this week's analysed mentions
	 * @param share this week's negative share, in percent
	 * @param baseline the four weeks before, in percent
	 */
	public record Jump(int analysed, double share, double baseline) {
	}

}

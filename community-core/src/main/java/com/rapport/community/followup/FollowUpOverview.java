package com.rapport.community.followup;

/**
 * How well the loop is being closed, over a recent period.
 *
 * @param days the period, in days up to now
 * @param open follow-ups still open (not contacted)
 * @param overdue open follow-ups past their due date
 * @param detractors detractor follow-ups opened in the period and at least 48 hours old
 * @param contactedWithin48h of those, the ones contacted within 48 hours of opening
 * @param reanswered detractor follow-ups whose respondent answered the same survey again
 * after the follow-up was opened
 * @param scoreBefore the mean NPS of those respondents before (null when none)
 * @param scoreAfter the mean NPS of their next answer (null when none)
 * @param noLongerDetractors of those, how many now gave 7 or more
 */
public record FollowUpOverview(int days, int open, int overdue, int detractors, int contactedWithin48h, int reanswered,
		Double scoreBefore, Double scoreAfter, int noLongerDetractors) {

	/**
	 * The share of detractors contacted within 48 hours, in percent, rounded to a whole
	 * number.
	 * @return the share, or null when there was no detractor
	 */
	public Integer contactedShare() {
		return (this.detractors == 0) ? null : (int) Math.round(100.0 * this.contactedWithin48h / this.detractors);
	}

}

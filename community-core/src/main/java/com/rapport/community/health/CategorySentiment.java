package com.rapport.community.health;

import java.time.LocalDate;
import java.util.List;

/**
 * The sentiment of one category's posts, week by week.
 *
 * @param categoryId the category
 * @param name its name
 * @param weeks one entry per week of the period, oldest first
 */
public record CategorySentiment(long categoryId, String name, List<Week> weeks) {

	public CategorySentiment {
		weeks = List.copyOf(weeks);
	}

	/**
	 * One week of one category.
	 *
	 * @param start the Monday the week starts on
	 * @param posts posts written
	 * @param analysed of those, the ones in a language the analyser covers
	 * @param negative posts that read negative
	 * @param positive posts that read positive
	 * @param scoreSum the sum of the analysed posts' scores
	 */
	public record Week(LocalDate start, int posts, int analysed, int negative, int positive, double scoreSum) {

		/**
		 * The mean score of the analysed posts, −1 to 1.
		 * @return the mean, or null when no post was analysed
		 */
		public Double meanScore() {
			return (this.analysed == 0) ? null : this.scoreSum / this.analysed;
		}

		/**
		 * The share of analysed posts that read negative, in percent rounded to a whole
		 * number.
		 * @return the share, or null when no post was analysed
		 */
		public Integer negativeShare() {
			return (this.analysed == 0) ? null : (int) Math.round(100.0 * this.negative / this.analysed);
		}

	}

}

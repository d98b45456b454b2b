package com.rapport.survey.metrics;

/**
 * How often one option was picked.
 *
 * @param option the option's number from 1, or 0 for "Other"
 * @param count how many respondents picked it
 * @param share its share of the respondents who answered the question
 */
public record ChoiceShare(int option, long count, Estimate share) {

	/** Whether this is the "Other" option. */
	public boolean other() {
		return this.option == 0;
	}

}

package com.rapport.survey.survey;

/**
 * The kinds of question a survey can ask, with the scale of the rating ones.
 */
public enum QuestionType {

	/** Net Promoter Score: 0 to 10. */
	NPS(0, 10),
	/** Customer Effort Score: 1 (strongly disagree) to 7 (strongly agree). */
	CES(1, 7),
	/** Customer satisfaction: 1 to 5. */
	CSAT(1, 5),
	/** Star rating: 1 to 5. */
	RATING(1, 5),
	/** One of several choices. */
	SINGLE_CHOICE(0, 0),
	/** Any of several choices. */
	MULTIPLE_CHOICE(0, 0),
	/** Free text. */
	TEXT(0, 0);

	private final int min;

	private final int max;

	QuestionType(int min, int max) {
		this.min = min;
		this.max = max;
	}

	public boolean isScale() {
		return this.max > 0;
	}

	public int min() {
		return this.min;
	}

	public int max() {
		return this.max;
	}

}

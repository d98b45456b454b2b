package com.rapport.survey.survey;

/**
 * When a follow-up question is shown: an earlier rating question's answer compared with a
 * number (e.g. NPS at most 6).
 *
 * @param questionKey the earlier question
 * @param operator how the answer is compared
 * @param value the number compared with
 */
public record Condition(String questionKey, Operator operator, int value) {

	/**
	 * Whether an answer meets the condition.
	 * @param answer the earlier question's answer, or null when it was not answered
	 * @return true when the follow-up is shown
	 */
	public boolean isMetBy(Integer answer) {
		if (answer == null) {
			return false;
		}
		return switch (this.operator) {
			case LE -> answer <= this.value;
			case GE -> answer >= this.value;
			case EQ -> answer == this.value;
		};
	}

	/**
	 * How an answer is compared.
	 */
	public enum Operator {

		/** At most. */
		LE,
		/** At least. */
		GE,
		/** Exactly. */
		EQ

	}

}

package com.rapport.survey.survey;

import java.util.List;

/**
 * A question as staff write it, to add to a survey or to replace one.
 *
 * @param type what kind of answer it takes
 * @param required whether it must be answered
 * @param prompt the prompt (English required)
 * @param lowLabel the label of a scale's low end, may be empty
 * @param highLabel the label of a scale's high end, may be empty
 * @param options the choices of a choice question
 * @param allowOther whether a multiple choice question offers "Other"
 * @param condition when it is shown, or null for always
 */
public record NewQuestion(QuestionType type, boolean required, Localized prompt, Localized lowLabel,
		Localized highLabel, List<Localized> options, boolean allowOther, Condition condition) {

	public NewQuestion {
		options = List.copyOf(options);
		lowLabel = (lowLabel != null) ? lowLabel : Localized.NONE;
		highLabel = (highLabel != null) ? highLabel : Localized.NONE;
		prompt = (prompt != null) ? prompt : Localized.NONE;
	}

	/**
	 * A question with a prompt only.
	 * @param type what kind of answer it takes
	 * @param required whether it must be answered
	 * @param promptEn the prompt in English
	 * @param promptZh the prompt in Simplified Chinese, or null
	 * @param promptRu the prompt in Russian, or null
	 */
	public NewQuestion(QuestionType type, boolean required, String promptEn, String promptZh, String promptRu) {
		this(type, required, new Localized(promptEn, promptZh, promptRu), Localized.NONE, Localized.NONE, List.of(),
				false, null);
	}

	/**
	 * The same question with labels for the ends of its scale.
	 * @param low the low end's label
	 * @param high the high end's label
	 * @return the question
	 */
	public NewQuestion withLabels(Localized low, Localized high) {
		return new NewQuestion(this.type, this.required, this.prompt, low, high, this.options, this.allowOther,
				this.condition);
	}

	/**
	 * The same question shown only when {@code condition} is met.
	 * @param condition the condition
	 * @return the question
	 */
	public NewQuestion shownWhen(Condition condition) {
		return new NewQuestion(this.type, this.required, this.prompt, this.lowLabel, this.highLabel, this.options,
				this.allowOther, condition);
	}

}

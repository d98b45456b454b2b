package com.rapport.survey.survey;

import java.util.List;
import java.util.Locale;

/**
 * One question of a survey version.
 *
 * @param id the id (unique across versions)
 * @param key the question's key, kept across versions so results line up
 * @param position its place in the survey, from 1
 * @param type what kind of answer it takes
 * @param required whether it must be answered (when shown)
 * @param prompt the prompt
 * @param lowLabel the label of a scale's low end (e.g. "Not at all likely"), may be empty
 * @param highLabel the label of a scale's high end, may be empty
 * @param options the choices of a choice question, in order (answers store their number
 * from 1)
 * @param allowOther whether a multiple choice question offers "Other" with a text
 * @param condition when it is shown, or null for always
 */
public record Question(long id, String key, int position, QuestionType type, boolean required, Localized prompt,
		Localized lowLabel, Localized highLabel, List<Localized> options, boolean allowOther, Condition condition) {

	/** The longest free-text answer stored, in characters. */
	public static final int MAX_TEXT = 2000;

	public Question {
		options = List.copyOf(options);
	}

	/**
	 * The prompt in the respondent's language, English when it has no translation.
	 * @param locale the language shown
	 * @return the prompt
	 */
	public String prompt(Locale locale) {
		return this.prompt.in(locale);
	}

	/** The numbers of the scale, low to high; empty for other types. */
	public List<Integer> scale() {
		if (!this.type.isScale()) {
			return List.of();
		}
		return java.util.stream.IntStream.rangeClosed(this.type.min(), this.type.max()).boxed().toList();
	}

	/**
	 * The choice texts in the respondent's language.
	 * @param locale the language shown
	 * @return one text per option
	 */
	public List<String> options(Locale locale) {
		return this.options.stream().map((option) -> option.in(locale)).toList();
	}

	/** Whether another question's answer decides if this one is shown. */
	public boolean isConditional() {
		return this.condition != null;
	}

}

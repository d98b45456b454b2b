package com.rapport.survey.survey;

import java.util.Locale;

/**
 * One question of a survey version, with its prompt in each UI language.
 *
 * @param id the id
 * @param position its place in the survey, from 1
 * @param type what kind of answer it takes
 * @param required whether it must be answered
 * @param promptEn the prompt in English (always present, the fallback)
 * @param promptZh the prompt in Simplified Chinese, or null
 * @param promptRu the prompt in Russian, or null
 */
public record Question(long id, int position, QuestionType type, boolean required, String promptEn, String promptZh,
		String promptRu) {

	/**
	 * The prompt in the respondent's language, English when it has no translation.
	 * @param locale the language shown
	 * @return the prompt
	 */
	public String prompt(Locale locale) {
		String translated = switch (locale.getLanguage()) {
			case "zh" -> this.promptZh;
			case "ru" -> this.promptRu;
			default -> null;
		};
		return (translated != null && !translated.isBlank()) ? translated : this.promptEn;
	}

}

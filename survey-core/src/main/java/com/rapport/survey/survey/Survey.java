package com.rapport.survey.survey;

import java.util.List;

/**
 * A survey and the questions of its current version.
 *
 * @param id the id
 * @param key the public key used in links and the embed snippet
 * @param name the name staff know it by
 * @param status where it is in its life
 * @param currentVersion the version new respondents answer
 * @param questions the questions of that version, in order
 */
public record Survey(long id, String key, String name, SurveyStatus status, int currentVersion,
		List<Question> questions) {

	public Survey {
		questions = List.copyOf(questions);
	}

}

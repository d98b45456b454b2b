package com.rapport.survey.response;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.rapport.survey.survey.QuestionType;

/**
 * A response that was completed, with what was answered (so a listener needs not read it
 * back); one of the responses of {@link ResponsesSubmitted}.
 *
 * @param surveyId the survey
 * @param responseId the response
 * @param respondentHash who answered (hashed), or null
 * @param hiddenFields the host page's fields as stored (URL-encoded), or null
 * @param completedAt when it was completed
 * @param answers its answers, in the order of the questions
 */
public record ResponseSubmitted(long surveyId, long responseId, String respondentHash, String hiddenFields,
		Instant completedAt, List<Answer> answers) {

	public ResponseSubmitted {
		answers = List.copyOf(answers.stream().sorted(Comparator.comparingInt(Answer::position)).toList());
	}

	/**
	 * One answer of a completed response.
	 *
	 * @param questionId the question
	 * @param position the question's place in its version
	 * @param type the question's type
	 * @param number a rating or a single choice
	 * @param text a text or a multiple choice's "Other" text
	 * @param sentimentLabel a text answer's sentiment label, or null
	 */
	public record Answer(long questionId, int position, QuestionType type, Integer number, String text,
			String sentimentLabel) {
	}

}

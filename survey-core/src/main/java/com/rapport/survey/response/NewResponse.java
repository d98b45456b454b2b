package com.rapport.survey.response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.survey.results.SurveyAnswerSentiment.Scored;
import com.rapport.survey.results.SurveyRollups;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.Survey;

/**
 * A response about to be created by one request, checked by that request against the
 * survey version it answers and handed to the {@link ResponseWriter}: everything the
 * writer stores is here, so it reads nothing back.
 *
 * @param survey the survey as the request read it (its row version is compared with the
 * row the writer reads)
 * @param submission what was sent
 * @param hidden the hidden fields as stored, or null
 * @param answers the answers given, each with its question (and a text's sentiment)
 * @param complete true when these answers complete the response
 * @param rateLimits the rate-limit buckets it counts on, with their limits
 * @param nextStep what comes next when it is not complete
 * @param passed the keys of every question shown so far
 */
record NewResponse(Survey survey, Submission submission, String hidden, List<Given> answers, boolean complete,
		Map<String, Integer> rateLimits, List<Question> nextStep, Set<String> passed) {

	NewResponse {
		answers = List.copyOf(answers);
		rateLimits = Map.copyOf(rateLimits);
		nextStep = List.copyOf(nextStep);
		passed = Set.copyOf(passed);
	}

	/** What the request answers once the response is stored under this id. */
	SubmissionResult result(long responseId) {
		return new SubmissionResult(responseId, this.complete, this.complete ? List.of() : this.nextStep, this.passed,
				this.complete);
	}

	/** The answers as the rollups count them. */
	List<SurveyRollups.NewAnswer> rolledUp() {
		return this.answers.stream()
			.map((given) -> new SurveyRollups.NewAnswer(given.question().key(), given.question().type(),
					given.answer().number(), given.answer().choices(), given.answer().text(),
					(given.sentiment() != null) ? given.sentiment().label() : null))
			.toList();
	}

	/** The completed response as its listeners get it. */
	ResponseSubmitted submitted(long responseId, Instant completedAt) {
		return new ResponseSubmitted(this.survey.id(), responseId, this.submission.respondentHash(), this.hidden,
				completedAt,
				this.answers.stream()
					.map((given) -> new ResponseSubmitted.Answer(given.question().id(), given.question().position(),
							given.question().type(), given.answer().number(), given.answer().text(),
							(given.sentiment() != null) ? given.sentiment().label() : null))
					.toList());
	}

	/**
	 * An answer and its question.
	 *
	 * @param question the question
	 * @param answer the answer, checked
	 * @param sentiment an open-text answer's sentiment, else null
	 */
	record Given(Question question, ParsedAnswer answer, Scored sentiment) {
	}

}

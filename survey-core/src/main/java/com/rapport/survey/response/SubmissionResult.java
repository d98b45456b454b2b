package com.rapport.survey.response;

import java.util.List;
import java.util.Set;

import com.rapport.survey.survey.Question;

/**
 * What a submission led to.
 *
 * @param responseId the stored response's id
 * @param complete true when the response is complete (now or by an earlier request)
 * @param nextStep the questions to show next (empty when complete)
 * @param passed keys of every question shown so far
 * @param counted true when this very request completed it
 */
public record SubmissionResult(long responseId, boolean complete, List<Question> nextStep, Set<String> passed,
		boolean counted) {

	public SubmissionResult {
		nextStep = List.copyOf(nextStep);
		passed = Set.copyOf(passed);
	}

	SubmissionResult(long responseId, boolean complete, List<Question> nextStep, Set<String> passed) {
		this(responseId, complete, nextStep, passed, false);
	}

}

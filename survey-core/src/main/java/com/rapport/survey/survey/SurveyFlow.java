package com.rapport.survey.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which questions a respondent sees next. Questions are shown in steps: a step holds the
 * next questions up to (not including) a follow-up that depends on an answer of the same
 * step; a follow-up whose condition is not met is skipped. A survey without follow-ups is
 * one step.
 */
public final class SurveyFlow {

	private SurveyFlow() {
	}

	/**
	 * The next step.
	 * @param survey the survey version answered
	 * @param numbers the rating answers so far, by question key
	 * @param passed the keys of the questions already shown in earlier steps
	 * @return the questions of the next step; empty when the survey is done
	 */
	public static List<Question> nextStep(Survey survey, Map<String, Integer> numbers, Set<String> passed) {
		List<Question> step = new ArrayList<>();
		for (Question question : survey.questions()) {
			if (passed.contains(question.key())) {
				continue;
			}
			Condition condition = question.condition();
			if (condition != null) {
				boolean sourceInStep = step.stream().anyMatch((q) -> q.key().equals(condition.questionKey()));
				if (sourceInStep) {
					break;
				}
				if (!condition.isMetBy(numbers.get(condition.questionKey()))) {
					continue;
				}
			}
			step.add(question);
		}
		return step;
	}

}

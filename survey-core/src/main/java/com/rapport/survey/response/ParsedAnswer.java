package com.rapport.survey.response;

import java.util.ArrayList;
import java.util.List;

import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyRejectedException;

/**
 * One answer, checked against its question and ready to store.
 *
 * @param questionId the question
 * @param number a rating or a single choice's number (from 1)
 * @param choices a multiple choice's numbers, comma separated
 * @param text a free text, or a multiple choice's "Other" text
 */
record ParsedAnswer(long questionId, Integer number, String choices, String text) {

	static final String OTHER = "other";

	/**
	 * Parses the raw values of a question.
	 * @return the answer, or null when nothing was answered
	 */
	static ParsedAnswer parse(Question question, List<String> values, String otherText) {
		List<String> given = values.stream().filter((v) -> v != null && !v.isBlank()).map(String::strip).toList();
		QuestionType type = question.type();
		if (type == QuestionType.TEXT) {
			if (given.size() > 1) {
				throw new SurveyRejectedException("survey.error.invalidAnswer");
			}
			if (given.isEmpty()) {
				return null;
			}
			return new ParsedAnswer(question.id(), null, null, text(given.get(0)));
		}
		if (type == QuestionType.MULTIPLE_CHOICE) {
			List<Integer> numbers = new ArrayList<>();
			String other = null;
			for (String value : given) {
				if (OTHER.equals(value) && question.allowOther()) {
					other = (otherText != null && !otherText.isBlank()) ? text(otherText.strip()) : "";
				}
				else {
					int number = number(value, 1, question.options().size());
					if (!numbers.contains(number)) {
						numbers.add(number);
					}
				}
			}
			if (numbers.isEmpty() && other == null) {
				return null;
			}
			numbers.sort(Integer::compare);
			String choices = numbers.isEmpty() ? null
					: String.join(",", numbers.stream().map(String::valueOf).toList());
			return new ParsedAnswer(question.id(), null, choices, other);
		}
		if (given.size() > 1) {
			throw new SurveyRejectedException("survey.error.invalidAnswer");
		}
		if (given.isEmpty()) {
			return null;
		}
		int number = (type == QuestionType.SINGLE_CHOICE) ? number(given.get(0), 1, question.options().size())
				: number(given.get(0), type.min(), type.max());
		return new ParsedAnswer(question.id(), number, null, null);
	}

	private static String text(String text) {
		if (text.length() > Question.MAX_TEXT) {
			throw new SurveyRejectedException("survey.error.tooLong");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				throw new SurveyRejectedException("survey.error.invalidAnswer");
			}
		}
		return text;
	}

	private static int number(String value, int min, int max) {
		if (value.length() > 3) {
			throw new SurveyRejectedException("survey.error.outOfRange");
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				throw new SurveyRejectedException("survey.error.outOfRange");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new SurveyRejectedException("survey.error.outOfRange");
		}
	}

}

package com.rapport.survey.results;

import java.util.List;

/**
 * A page of open-text answers.
 *
 * @param answers the answers, newest first
 * @param next where the next page starts, or null on the last page
 */
public record OpenTextPage(List<OpenTextAnswer> answers, Position next) {

	public OpenTextPage {
		answers = List.copyOf(answers);
	}

	/**
	 * The last answer of a page (keyset).
	 *
	 * @param responseId its response
	 * @param questionId its question
	 */
	public record Position(long responseId, long questionId) {

		/** As a page parameter, e.g. {@code 123-45}. */
		public String token() {
			return this.responseId + "-" + this.questionId;
		}

		/**
		 * Reads a page parameter.
		 * @param token the parameter
		 * @return the position, or null when absent or malformed
		 */
		public static Position parse(String token) {
			if (token == null) {
				return null;
			}
			int dash = token.indexOf('-');
			if (dash <= 0 || token.length() > 40) {
				return null;
			}
			try {
				return new Position(Long.parseLong(token.substring(0, dash)),
						Long.parseLong(token.substring(dash + 1)));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}

package com.rapport.survey.response;

import java.util.List;

/**
 * Responses were completed, in the transaction that completes them: one event per
 * transaction, whether it completed one response (a step answered on its own) or many
 * (answers written together by {@link ResponseWriter}). Each response is in exactly one
 * such event.
 *
 * @param responses the responses completed
 */
public record ResponsesSubmitted(List<ResponseSubmitted> responses) {

	public ResponsesSubmitted {
		responses = List.copyOf(responses);
	}

}

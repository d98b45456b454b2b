package com.rapport.survey.response;

/**
 * Published in the transaction that deleted everything of one respondent on request, so
 * other modules delete what they keep about the same person.
 *
 * @param respondentHash the respondent's hashed id
 */
public record RespondentDeleted(String respondentHash) {
}

package com.rapport.survey.response;

/**
 * A response was completed (published once per response).
 *
 * @param surveyId the survey
 * @param responseId the response
 * @param respondentHash who answered (hashed)
 */
public record ResponseSubmitted(long surveyId, long responseId, String respondentHash) {
}

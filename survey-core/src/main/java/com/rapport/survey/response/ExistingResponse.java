package com.rapport.survey.response;

/**
 * A response stored before, as a request or the writer found it by its public id.
 *
 * @param id the response
 * @param surveyId its survey
 * @param complete true when it was completed
 */
record ExistingResponse(long id, long surveyId, boolean complete) {
}

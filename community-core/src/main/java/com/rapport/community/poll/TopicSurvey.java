package com.rapport.community.poll;

/**
 * A survey attached to a topic.
 *
 * @param topicId the topic
 * @param surveyId the survey
 * @param mode a poll or private answers
 */
public record TopicSurvey(long topicId, long surveyId, TopicSurveyMode mode) {
}

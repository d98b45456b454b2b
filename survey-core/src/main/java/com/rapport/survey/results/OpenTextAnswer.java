package com.rapport.survey.results;

import java.time.Instant;

/**
 * One open-text answer with its sentiment.
 *
 * @param responseId the response
 * @param questionId the question
 * @param questionKey the question's key
 * @param text the answer
 * @param label the sentiment label, or null when not scored yet
 * @param score the sentiment score, or null when not analysed
 * @param drivers the words that drove the score, comma separated
 * @param completedAt when the response was completed
 * @param channel where it was answered
 * @param locale the language shown
 */
public record OpenTextAnswer(long responseId, long questionId, String questionKey, String text, String label,
		Double score, String drivers, Instant completedAt, String channel, String locale) {
}

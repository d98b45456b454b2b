package com.rapport.survey.survey;

/**
 * A survey in the staff list.
 *
 * @param id the id
 * @param key the public key
 * @param name the name
 * @param status where it is in its life
 * @param currentVersion the version answered now
 * @param responseCount completed responses
 * @param startedCount responses started (completed or not)
 */
public record SurveySummary(long id, String key, String name, SurveyStatus status, int currentVersion,
		int responseCount, long startedCount) {
}

package com.rapport.portal.engage;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counts of the worked example (see {@code EngagementRollupsIntegrationTest}), shared
 * with the CSV test.
 */
final class WorkedExample {

	private WorkedExample() {
	}

	static void count(EngagementCounts counts, JdbcClient jdbc, LocalDate day1, LocalDate day2, long surveyId) {
		counts.count(day1, Metric.VISIT, "visitor", 3);
		counts.count(day1, Metric.MULTI_PAGE_VISIT, "visitor", 1);
		counts.count(day1, Metric.PAGE_VIEW, "visitor", 6);
		counts.count(day1, Metric.VISIT, "member", 1);
		counts.count(day1, Metric.MULTI_PAGE_VISIT, "member", 1);
		counts.count(day1, Metric.PAGE_VIEW, "member", 4);
		counts.count(day2, Metric.VISIT, "visitor", 2);
		counts.count(day2, Metric.PAGE_VIEW, "visitor", 2);
		counts.count(day1, Metric.SURVEY_SHOWN, SurveyChannel.EMBED, 8);
		counts.count(day2, Metric.SURVEY_SHOWN, SurveyChannel.EMBED, 2);
		counts.count(day1, Metric.SURVEY_SHOWN, SurveyChannel.TOPIC, 4);
		counts.count(day1, Metric.SURVEY_SHOWN, SurveyChannel.INVITATION, 5);
		counts.count(day1, Metric.SURVEY_OPENED, SurveyChannel.INVITATION, 2);
		counts.count(day1, Metric.MAIL_SENT, MailClicks.IMMEDIATE, 10);
		counts.count(day1, Metric.MAIL_CLICKED, MailClicks.IMMEDIATE, 3);
		// responses started, as the survey rollups keep them: two surveys in the frame,
		// one in a topic (channel FORUM), and the public link, which is not a channel
		// here
		started(jdbc, surveyId, day1, "EMBED", 1);
		started(jdbc, surveyId + 1, day1, "EMBED", 1);
		started(jdbc, surveyId, day1, "FORUM", 1);
		started(jdbc, surveyId, day1, "LINK", 7);
	}

	private static void started(JdbcClient jdbc, long surveyId, LocalDate day, String channel, long n) {
		jdbc.sql("""
				INSERT INTO survey_rollup (survey_id, question_key, day, channel, locale, device, bucket, answers)
				VALUES (?, '', ?, ?, 'en', 'DESKTOP', 'started', ?)""").params(surveyId, day, channel, n).update();
		// and its day row per channel, which the engagement page reads
		jdbc.sql("""
				INSERT INTO survey_dimension_rollup
				    (survey_id, span, first_day, dimension, dimension_value, question_key, bucket, answers)
				VALUES (?, 'D', ?, 'CHANNEL', ?, '', 'started', ?)""").params(surveyId, day, channel, n).update();
	}

}

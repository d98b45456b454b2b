package com.rapport.community.poll;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which survey a topic shows inline. Moderators (and staff) attach one published survey
 * per topic, as a poll or with private answers, and remove it again; the answers are the
 * survey's own responses, so removing it from the topic loses none of them.
 */
@Service
public class TopicSurveys {

	private final JdbcClient jdbc;

	private final SurveyService surveys;

	private final Clock clock;

	TopicSurveys(JdbcClient jdbc, SurveyService surveys, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.clock = clock;
	}

	/**
	 * Shows a published survey in a topic, replacing the one it showed.
	 * @param viewer the moderator
	 * @param topicId the topic
	 * @param surveyKey the survey's key
	 * @param mode a poll or private answers
	 * @return the survey attached
	 * @throws RejectedException when the topic or a published survey with that key does
	 * not exist
	 */
	@Transactional
	@PreAuthorize("hasRole('MODERATOR')")
	public Survey attach(Viewer viewer, long topicId, String surveyKey, TopicSurveyMode mode) {
		if (mode == null) {
			throw new RejectedException("mode", "topicSurvey.error.mode");
		}
		boolean topicExists = this.jdbc.sql("SELECT COUNT(*) FROM topic WHERE id = ? AND deleted_at IS NULL")
			.param(topicId)
			.query(Integer.class)
			.single() > 0;
		if (!topicExists) {
			throw new RejectedException("topic", "topicSurvey.error.topic");
		}
		Survey survey = (surveyKey == null || surveyKey.isBlank() || surveyKey.length() > 64) ? null
				: this.surveys.findByKey(surveyKey.strip()).orElse(null);
		if (survey == null || survey.status() != SurveyStatus.PUBLISHED || survey.questions().isEmpty()) {
			throw new RejectedException("survey", "topicSurvey.error.notPublished");
		}
		this.jdbc.sql(
				"INSERT INTO topic_survey (topic_id, survey_id, mode, attached_by, attached_at) VALUES (?, ?, ?, ?, ?) "
						+ "ON DUPLICATE KEY UPDATE survey_id = VALUES(survey_id), mode = VALUES(mode), "
						+ "attached_by = VALUES(attached_by), attached_at = VALUES(attached_at)")
			.params(topicId, survey.id(), mode.name(), viewer.memberId(), Timestamp.from(this.clock.instant()))
			.update();
		return survey;
	}

	/**
	 * Stops showing a survey in the topic; its responses stay.
	 * @param viewer the moderator
	 * @param topicId the topic
	 */
	@Transactional
	@PreAuthorize("hasRole('MODERATOR')")
	public void detach(Viewer viewer, long topicId) {
		this.jdbc.sql("DELETE FROM topic_survey WHERE topic_id = ?").param(topicId).update();
	}

	/**
	 * The survey a topic shows, if any.
	 * @param topicId the topic
	 * @return the attachment
	 */
	public Optional<TopicSurvey> of(long topicId) {
		return this.jdbc.sql("SELECT topic_id, survey_id, mode FROM topic_survey WHERE topic_id = ?")
			.param(topicId)
			.query((rs, n) -> new TopicSurvey(rs.getLong(1), rs.getLong(2), TopicSurveyMode.valueOf(rs.getString(3))))
			.optional();
	}

}

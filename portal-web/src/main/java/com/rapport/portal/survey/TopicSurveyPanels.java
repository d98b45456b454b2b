package com.rapport.portal.survey;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rapport.community.member.Viewer;
import com.rapport.community.poll.TopicSurvey;
import com.rapport.community.poll.TopicSurveyMode;
import com.rapport.community.poll.TopicSurveys;
import com.rapport.portal.survey.TopicSurveyPanel.State;
import com.rapport.survey.response.Channel;
import com.rapport.portal.engage.EngagementCounts;
import com.rapport.portal.engage.Metric;
import com.rapport.portal.engage.SurveyChannel;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.results.SurveyResults;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveyStatus;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the survey panel of a topic page. A survey in a topic is placed there by a
 * moderator for everyone reading it, like the survey's link: sampling, recontact waits
 * and context suppression govern only the surveys the portal decides to show on its own,
 * while once per respondent still holds (a member votes once).
 */
@Component
public class TopicSurveyPanels {

	private final TopicSurveys topicSurveys;

	private final SurveyService surveys;

	private final ResponseService responses;

	private final MemberRespondents memberRespondents;

	private final SurveyAnswering answering;

	private final SurveyResults results;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final EngagementCounts engagement;

	TopicSurveyPanels(TopicSurveys topicSurveys, SurveyService surveys, ResponseService responses,
			MemberRespondents memberRespondents, SurveyAnswering answering, SurveyResults results, Clock clock,
			JdbcClient jdbc, EngagementCounts engagement) {
		this.engagement = engagement;
		this.jdbc = jdbc;
		this.topicSurveys = topicSurveys;
		this.surveys = surveys;
		this.responses = responses;
		this.memberRespondents = memberRespondents;
		this.answering = answering;
		this.results = results;
		this.clock = clock;
	}

	/**
	 * The panel of a topic the viewer may read.
	 * @param viewer who reads
	 * @param topicId the topic
	 * @param locale the reader's language
	 * @param request the request (the device class)
	 * @return the panel, empty when the topic shows no survey
	 */
	public Optional<TopicSurveyPanel> panel(Viewer viewer, long topicId, Locale locale, HttpServletRequest request) {
		Optional<TopicSurvey> attached = this.topicSurveys.of(topicId);
		if (attached.isEmpty()) {
			return Optional.empty();
		}
		Survey survey = this.surveys.findById(attached.get().surveyId()).orElse(null);
		if (survey == null || survey.questions().isEmpty()) {
			return Optional.empty();
		}
		TopicSurveyMode mode = attached.get().mode();
		String hash = viewer.isAnonymous() ? null : this.memberRespondents.hashOf(viewer.memberId());
		boolean answered = hash != null && this.responses.hasCompleted(survey.id(), hash);
		if (answered) {
			return Optional.of((mode == TopicSurveyMode.POLL) ? withResults(topicId, survey, mode, locale)
					: new TopicSurveyPanel(topicId, survey, mode, State.THANKS, null, null));
		}
		if (!survey.isOpenAt(this.clock.instant())) {
			return Optional.of((mode == TopicSurveyMode.POLL && survey.status() != SurveyStatus.ARCHIVED)
					? withResults(topicId, survey, mode, locale)
					: new TopicSurveyPanel(topicId, survey, mode, State.CLOSED, null, null));
		}
		if (hash == null) {
			return Optional.of(new TopicSurveyPanel(topicId, survey, mode, State.SIGN_IN, null, null));
		}
		this.engagement.count(Metric.SURVEY_SHOWN, SurveyChannel.TOPIC);
		return Optional.of(new TopicSurveyPanel(topicId, survey, mode, State.FORM, this.answering.start(survey, hash,
				Channel.FORUM, "/t/" + topicId, locale, request, Map.of(), null, null), null));
	}

	/**
	 * The surveys a moderator may show in a topic: the published ones (names only, read
	 * on every topic page a moderator opens, so without counting responses).
	 * @return the surveys, by name
	 */
	public List<Attachable> attachable() {
		return this.jdbc.sql("SELECT id, survey_key, name FROM survey WHERE status = 'PUBLISHED' ORDER BY name, id")
			.query((rs, n) -> new Attachable(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * A survey a moderator may show in a topic.
	 *
	 * @param id the survey
	 * @param key its key
	 * @param name its name
	 */
	public record Attachable(long id, String key, String name) {
	}

	TopicSurveyPanel withResults(long topicId, Survey survey, TopicSurveyMode mode, Locale locale) {
		return new TopicSurveyPanel(topicId, survey, mode, State.RESULTS, null,
				PollResults.of(survey, this.results.allTime(survey.id()), locale));
	}

}

package com.rapport.portal.survey;

import com.rapport.community.poll.TopicSurveyMode;
import com.rapport.portal.survey.SurveyAnswering.SurveyPage;
import com.rapport.survey.survey.Survey;

/**
 * What a topic page shows of its survey.
 *
 * @param topicId the topic
 * @param survey the survey
 * @param mode a poll or private answers
 * @param state what the reader sees
 * @param page the questions to answer ({@link State#FORM} only)
 * @param results the poll's results ({@link State#RESULTS} only)
 */
public record TopicSurveyPanel(long topicId, Survey survey, TopicSurveyMode mode, State state, SurveyPage page,
		PollResults results) {

	/** The action of the inline form. */
	public String action() {
		return "/t/" + this.topicId + "/survey/answer";
	}

	/** Where the page saves each answer as it is given (the link's save endpoint). */
	public String saveAction() {
		return "/s/" + this.survey.key() + "/save";
	}

	/**
	 * What the reader sees.
	 */
	public enum State {

		/** The questions. */
		FORM,
		/** A visitor: sign in to answer. */
		SIGN_IN,
		/** A poll the reader voted in: its results. */
		RESULTS,
		/** Private answers the reader gave: thanks. */
		THANKS,
		/** The survey takes no answers now (closed, ended, full). */
		CLOSED

	}

}

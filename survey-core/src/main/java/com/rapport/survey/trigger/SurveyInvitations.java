package com.rapport.survey.trigger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.rapport.survey.display.DisplayRules;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.TriggerKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks members surveys when the forums report a moment a survey waits for. A member is
 * invited to a survey at most once, and only when the display rules allow it (sampling,
 * recontact waits, once per respondent), which hold across every channel.
 */
@Service
public class SurveyInvitations {

	private final JdbcClient jdbc;

	private final SurveyService surveys;

	private final DisplayRules rules;

	private final ResponseService responses;

	private final MemberRespondents memberRespondents;

	private final Clock clock;

	SurveyInvitations(JdbcClient jdbc, SurveyService surveys, DisplayRules rules, ResponseService responses,
			MemberRespondents memberRespondents, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.rules = rules;
		this.responses = responses;
		this.memberRespondents = memberRespondents;
		this.clock = clock;
	}

	/**
	 * A moment happened for a member: invites them to the highest-priority survey with
	 * that trigger that the rules allow and that never invited them.
	 * @param trigger the moment
	 * @param memberId the member
	 * @return the survey they are invited to, if any
	 */
	@Transactional
	public Optional<Survey> triggered(TriggerKind trigger, long memberId) {
		for (Survey survey : this.surveys.withTrigger(trigger)) {
			if (invite(survey, memberId)) {
				return Optional.of(survey);
			}
		}
		return Optional.empty();
	}

	/**
	 * Invites a member to a survey unless invited before, the rules say no, or the
	 * member's context suppresses surveys for now (see
	 * {@link com.rapport.survey.display.SuppressionCheck}).
	 * @param survey the survey
	 * @param memberId the member
	 * @return true when a new invitation was made
	 */
	@Transactional
	public boolean invite(Survey survey, long memberId) {
		String hash = hash(memberId);
		if (this.rules.decide(survey, hash, suppressible(survey) ? memberId : null) != DisplayRules.Decision.SHOW) {
			return false;
		}
		int made = this.jdbc
			.sql("INSERT IGNORE INTO survey_invitation (survey_id, member_id, reason, created_at) VALUES (?, ?, ?, ?)")
			.params(survey.id(), memberId, String.valueOf(survey.settings().trigger()),
					Timestamp.from(this.clock.instant()))
			.update();
		if (made > 0) {
			this.rules.shown(survey.id(), hash);
		}
		return made > 0;
	}

	/**
	 * The members who reached a survey's days of membership and were never invited to it.
	 * @param survey a {@link TriggerKind#MEMBERSHIP_DAYS} survey
	 * @param memberIds the candidates the forums found
	 * @return those not invited yet
	 */
	public List<Long> notInvited(Survey survey, List<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		List<Long> invited = this.jdbc
			.sql("SELECT member_id FROM survey_invitation WHERE survey_id = :survey AND member_id IN (:members)")
			.param("survey", survey.id())
			.param("members", memberIds)
			.query(Long.class)
			.list();
		return memberIds.stream().filter((id) -> !invited.contains(id)).toList();
	}

	/**
	 * The surveys a member is invited to and has not answered or dismissed; none but the
	 * solved-topic survey while their context suppresses surveys.
	 * @param memberId the member
	 * @return the surveys, newest invitation first
	 */
	public List<Survey> open(long memberId) {
		String hash = hash(memberId);
		boolean suppressed = this.rules.isSuppressed(memberId);
		return this.jdbc
			.sql("SELECT survey_id FROM survey_invitation WHERE member_id = ? AND closed_at IS NULL ORDER BY id DESC")
			.param(memberId)
			.query(Long.class)
			.list()
			.stream()
			.map(this.surveys::findById)
			.flatMap(Optional::stream)
			.filter((s) -> s.isOpenAt(this.clock.instant()) && !this.responses.hasCompleted(s.id(), hash))
			.filter((s) -> !suppressed || !suppressible(s))
			.toList();
	}

	/**
	 * The member declined the invitation: it counts as a contact for the recontact waits.
	 * @param memberId the member
	 * @param surveyId the survey
	 */
	@Transactional
	public void dismiss(long memberId, long surveyId) {
		int closed = this.jdbc.sql(
				"UPDATE survey_invitation SET closed_at = ? WHERE member_id = ? AND survey_id = ? AND closed_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), memberId, surveyId)
			.update();
		if (closed > 0) {
			this.rules.dismissed(surveyId, hash(memberId));
		}
	}

	/**
	 * The solved-topic survey asks about the very help just given (the member's post
	 * often reads negative, and a follow-up may be open about it); suppression keeps the
	 * other surveys from coming out of the blue.
	 */
	private static boolean suppressible(Survey survey) {
		return survey.settings().trigger() != TriggerKind.TOPIC_SOLVED;
	}

	private String hash(long memberId) {
		return this.memberRespondents.hashOf(memberId);
	}

}

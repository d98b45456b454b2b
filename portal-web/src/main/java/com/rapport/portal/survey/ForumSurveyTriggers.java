package com.rapport.portal.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.PostEvents.AnswerAccepted;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.TriggerKind;
import com.rapport.survey.trigger.SurveyInvitations;

import com.rapport.db.cluster.RunOnce;

import com.rapport.portal.engage.EngagementCounts;
import com.rapport.portal.engage.Metric;
import com.rapport.portal.engage.SurveyChannel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Feeds forum moments to the survey triggers (survey-core knows nothing of the forums): a
 * topic marked solved asks its author, and members who reached a survey's days of
 * membership are asked; each invitation is also a notification.
 */
@Component
class ForumSurveyTriggers {

	private static final int BATCH = 500;

	private final SurveyInvitations invitations;

	private final SurveyService surveys;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EngagementCounts engagement;

	ForumSurveyTriggers(SurveyInvitations invitations, SurveyService surveys, Notifications notifications,
			JdbcClient jdbc, Clock clock, EngagementCounts engagement) {
		this.engagement = engagement;
		this.invitations = invitations;
		this.surveys = surveys;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** After the accepted answer commits: ask the topic's author, once per survey. */
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AnswerAccepted event) {
		this.jdbc.sql("SELECT author_id FROM topic WHERE id = ?")
			.param(event.topicId())
			.query(Long.class)
			.optional()
			.ifPresent((author) -> this.invitations.triggered(TriggerKind.TOPIC_SOLVED, author).ifPresent((survey) -> {
				this.engagement.count(Metric.SURVEY_SHOWN, SurveyChannel.INVITATION);
				this.notifications.notify(author, NotificationKind.SURVEY, null, event.topicId(), null);
			}));
	}

	/** Members who reached a survey's days of membership and were never invited to it. */
	@Scheduled(fixedDelayString = "${rapport.survey.membership-check-interval:1h}", initialDelayString = "1m")
	@RunOnce(value = "survey-membership-days", every = "${rapport.survey.membership-check-interval:1h}")
	@Transactional
	public void membershipAnniversaries() {
		for (Survey survey : this.surveys.withTrigger(TriggerKind.MEMBERSHIP_DAYS)) {
			Integer days = survey.settings().triggerDays();
			if (days == null) {
				continue;
			}
			Timestamp joinedBefore = Timestamp.from(this.clock.instant().minus(Duration.ofDays(days)));
			List<Long> due = this.jdbc
				.sql("SELECT m.id FROM member m WHERE m.created_at <= ? AND NOT EXISTS (SELECT 1 FROM "
						+ "survey_invitation i WHERE i.survey_id = ? AND i.member_id = m.id) ORDER BY m.id LIMIT ?")
				.params(joinedBefore, survey.id(), BATCH)
				.query(Long.class)
				.list();
			for (Long member : due) {
				if (this.invitations.invite(survey, member)) {
					this.engagement.count(Metric.SURVEY_SHOWN, SurveyChannel.INVITATION);
					this.notifications.notify(member, NotificationKind.SURVEY, null, "/surveys/invitations",
							survey.name());
				}
			}
		}
	}

}

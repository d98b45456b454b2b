package com.rapport.portal.survey;

import java.util.List;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import com.rapport.survey.survey.TriggerKind;
import com.rapport.survey.trigger.SurveyInvitations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic marked solved asks its author the CES survey once, in the portal and in their
 * notifications.
 */
class ForumSurveyTriggersIntegrationTest extends PortalIntegrationTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	SurveyInvitations invitations;

	@Autowired
	TopicService topics;

	@Autowired
	AcceptedAnswers acceptedAnswers;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSolvedTopicAsksItsAuthorTheCesSurveyOnce() {
		String key = unique("ces").toLowerCase().replace('_', '-');
		long surveyId = this.surveys.create(key, "Solved CES", List.of(new NewQuestion(QuestionType.CES, true,
				"The community made it easy for me to solve my problem.", null, null)));
		this.surveys.publish(surveyId);
		TestData.asStaff(() -> {
			this.surveys.update(surveyId, "Solved CES",
					new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(), null, null, 100, null, null,
							null, true, 10, null, null, TriggerKind.TOPIC_SOLVED, null, null, null));
			return null;
		});
		Viewer author = testData().member("asker");
		Viewer helper = testData().member("helper");
		Category category = testData().category(unique("Help"), Access.ANYONE, Access.MEMBER);

		solve(author, helper, category);
		solve(author, helper, category);

		assertThat(this.invitations.open(author.memberId())).extracting((s) -> s.key()).contains(key);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = ? AND member_id = ?")
			.params(surveyId, author.memberId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.notifications.list(author, null)).filteredOn((n) -> n.kind() == NotificationKind.SURVEY)
			.hasSize(1);

		this.invitations.dismiss(author.memberId(), surveyId);
		assertThat(this.invitations.open(author.memberId())).extracting((s) -> s.key()).doesNotContain(key);
	}

	@Test
	void aMemberWhoJustWroteANegativePostIsNotAskedTheMembershipSurvey() {
		String key = unique("nps").toLowerCase().replace('_', '-');
		long surveyId = this.surveys.create(key, "Membership NPS", List.of(new NewQuestion(QuestionType.NPS, true,
				"How likely are you to recommend us to a friend?", null, null)));
		this.surveys.publish(surveyId);
		TestData.asStaff(() -> {
			this.surveys.update(surveyId, "Membership NPS",
					new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(), null, null, 100, null, null,
							null, true, 10, null, null, TriggerKind.MEMBERSHIP_DAYS, 30, null, null));
			return null;
		});
		var survey = this.surveys.findByKey(key).orElseThrow();
		Viewer angry = testData().member("angry");
		Viewer calm = testData().member("calm");
		Category category = testData().category(unique("Talk"), Access.ANYONE, Access.MEMBER);
		this.topics.startTopic(angry, new NewTopic(category.id(), "Refund still missing " + unique("t"),
				"Three weeks and still no refund. Awful service, I am furious."));

		assertThat(this.invitations.invite(survey, angry.memberId())).as("owed an answer, not a questionnaire")
			.isFalse();
		assertThat(this.invitations.invite(survey, calm.memberId())).isTrue();
	}

	@Test
	void aMemberWithAnOpenFollowUpIsNotSurveyedUntilItIsResolved() {
		String key = unique("nps").toLowerCase().replace('_', '-');
		long surveyId = this.surveys.create(key, "Membership NPS", List.of(new NewQuestion(QuestionType.NPS, true,
				"How likely are you to recommend us to a friend?", null, null)));
		this.surveys.publish(surveyId);
		TestData.asStaff(() -> {
			this.surveys.update(surveyId, "Membership NPS",
					new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(), null, null, 100, null, null,
							null, true, 10, null, null, TriggerKind.MEMBERSHIP_DAYS, 30, null, null));
			return null;
		});
		var survey = this.surveys.findByKey(key).orElseThrow();
		Viewer waiting = testData().member("waiting");
		Viewer invited = testData().member("invited");
		assertThat(this.invitations.invite(survey, invited.memberId())).isTrue();
		long waitingFollowUp = openFollowUp(waiting);
		long invitedFollowUp = openFollowUp(invited);

		assertThat(this.invitations.invite(survey, waiting.memberId())).as("staff still owe them an answer").isFalse();
		assertThat(this.invitations.open(invited.memberId())).as("an earlier invitation waits too").isEmpty();

		this.jdbc.sql("UPDATE follow_up SET status = 'RESOLVED' WHERE id IN (?, ?)")
			.params(waitingFollowUp, invitedFollowUp)
			.update();
		assertThat(this.invitations.invite(survey, waiting.memberId())).isTrue();
		assertThat(this.invitations.open(invited.memberId())).extracting((s) -> s.key()).containsExactly(key);
	}

	private long openFollowUp(Viewer member) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO follow_up (source, member_id, status, due_at, created_at) "
					+ "VALUES ('POST', ?, 'CONTACTED', NOW(), NOW())")
			.param(member.memberId())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private void solve(Viewer author, Viewer helper, Category category) {
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(category.id(), "My stove will not light " + unique("t"), "It clicks but no flame."));
		this.topics.reply(helper, topic.id(), "Clean the jet with the needle.", null);
		long reply = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 2")
			.param(topic.id())
			.query(Long.class)
			.single();
		this.acceptedAnswers.accept(author, reply);
	}

}

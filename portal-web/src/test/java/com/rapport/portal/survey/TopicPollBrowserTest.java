package com.rapport.portal.survey;

import java.util.List;

import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator shows the NPS survey as a poll in a topic; a member votes in the topic and
 * then sees the results.
 */
class TopicPollBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	TopicService topics;

	@Test
	void aModeratorPutsAPollInATopicAndAMemberVotesAndSeesTheResults() throws Exception {
		String key = unique("poll").toLowerCase().replace('_', '-');
		long surveyId = this.surveys.create(key, "Forum NPS " + key,
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)));
		TestData.asStaff(() -> {
			this.surveys.publish(surveyId);
			return null;
		});
		Viewer member = testData().member("camper");
		Viewer moderator = testData().member("guide", Role.MODERATOR);
		long category = testData().category(unique("Camp"), Access.ANYONE, Access.MEMBER).id();
		TopicRef topic = this.topics.startTopic(member,
				new NewTopic(category, "Would you recommend us? " + unique("t"), "Tell us in the poll below."));
		String path = "/t/" + topic.slug() + "/" + topic.id();

		deleteCookies();
		loginAs(moderator.username(), TestData.PASSWORD);
		open(path);
		click("#topic-survey-tools summary");
		select("survey", key);
		clickAndWait(byId("topic-survey-attach"));
		assertThat(pageText()).contains("The survey is shown in this topic.").contains("Poll");
		logout();

		loginAs(member.username(), TestData.PASSWORD);
		open(path);
		assertThat(findAll("#topic-survey input[type=radio]")).hasSize(11);
		assertAccessible();
		find("#topic-survey label[for$='-9']").click();
		Thread.sleep(1100);
		clickAndWait(byId("survey-submit"));

		assertThat(pageText()).contains("Thank you for voting!").contains("1 vote").contains("NPS: 100");
		assertThat(isPresent("#topic-survey input[type=radio]")).as("one vote per member").isFalse();
		assertAccessible();
	}

}

package com.rapport.portal.survey;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.poll.AuthorPolls;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic's author adds a poll staff offered to their own topic and votes; when someone
 * else votes, the results on the author's open page change without a reload.
 */
class AuthorPollBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	TopicService topics;

	@Autowired
	AuthorPolls authorPolls;

	@Autowired
	ResponseService responses;

	@Autowired
	MemberRespondents respondents;

	@Test
	void anAuthorAddsAPollAndSeesOtherVotesArriveWithoutReloading() throws Exception {
		String key = unique("boots").toLowerCase().replace('_', '-');
		long surveyId = this.surveys.create(key, "Boots for winter " + key,
				List.of(new NewQuestion(QuestionType.SINGLE_CHOICE, true,
						new Localized("Which boots for winter?", null, null), null, null,
						List.of(new Localized("Leather", null, null), new Localized("Synthetic", null, null)), false,
						null)));
		Viewer staff = testData().member("offer", Role.STAFF);
		TestData.asStaff(() -> {
			this.surveys.publish(surveyId);
			this.authorPolls.allow(staff, surveyId, true);
			return null;
		});
		Viewer author = testData().member("hiker");
		long category = testData().category(unique("Boots"), Access.ANYONE, Access.MEMBER).id();
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(category, "Leather or synthetic boots? " + unique("t"), "Vote in my poll."));

		deleteCookies();
		loginAs(author.username(), TestData.PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		click("#author-poll summary");
		select("survey", key);
		clickAndWait(byId("author-poll-place"));
		assertThat(pageText()).contains("The poll is shown in your topic.", "Which boots for winter?");
		assertAccessible();

		find("#topic-survey label[for$='-1']").click();
		Thread.sleep(1100);
		clickAndWait(byId("survey-submit"));
		assertThat(byId("poll-results").getText()).contains("1 vote");

		// the page stays open; someone else votes meanwhile
		((JavascriptExecutor) driver()).executeScript("window.stillTheSamePage = true;");
		Viewer other = testData().member("climber");
		Survey survey = this.surveys.findById(surveyId).orElseThrow();
		this.responses.submit(new Submission(surveyId, survey.currentVersion(), UUID.randomUUID().toString(),
				this.respondents.hashFor(other.memberId()), Channel.FORUM, "/t/" + topic.id(), "en", Device.DESKTOP,
				Map.of(), null, Set.of(), Map.of(survey.questions().get(0).id(), List.of("2")), Map.of(), false,
				"10.9.0.7"));

		waitUntil((d) -> d.findElement(org.openqa.selenium.By.id("poll-results")).getText().contains("2 votes"));
		assertThat(byId("poll-results").getText()).contains("50.0 %");
		assertThat(((JavascriptExecutor) driver()).executeScript("return window.stillTheSamePage === true;"))
			.as("updated in place, not reloaded")
			.isEqualTo(true);
	}

}

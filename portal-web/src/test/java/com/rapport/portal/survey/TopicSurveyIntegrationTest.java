package com.rapport.portal.survey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A survey shown inline in a topic: who may place it, a poll that shows its results to
 * those who voted, private answers that only thank, and that votes go through the
 * survey's own answer path (forum channel, once per member, retries stored once, bad
 * input refused).
 */
class TopicSurveyIntegrationTest extends PortalIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens tokens;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Viewer author;

	Viewer moderator;

	TopicRef topic;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.author = testData().member("asker");
		this.moderator = testData().member("mod", Role.MODERATOR);
		long category = testData().category(unique("Polls"), Access.ANYONE, Access.MEMBER).id();
		this.topic = this.topics.startTopic(this.author,
				new NewTopic(category, "Which stove do you take in winter? " + unique("t"), "Tell us below."));
	}

	@Test
	void onlyModeratorsPlaceAPublishedSurveyInATopic() throws Exception {
		Survey poll = stovePoll();
		this.mvc.perform(attach(this.author, poll.key(), "POLL")).andExpect(status().isForbidden());
		assertThat(page(this.author)).doesNotContain("id=\"topic-survey\"").doesNotContain("topic-survey-tools");

		long draft = this.surveys.create(unique("draft").toLowerCase().replace('_', '-'), "Draft",
				List.of(new NewQuestion(QuestionType.CSAT, true, "Happy?", null, null)));
		String draftKey = this.surveys.findById(draft).orElseThrow().key();
		this.mvc.perform(attach(this.moderator, draftKey, "POLL"))
			.andExpect(flash().attribute("error", "topicSurvey.error.notPublished"));
		this.mvc.perform(attach(this.moderator, poll.key(), "sideways"))
			.andExpect(flash().attribute("error", "topicSurvey.error.mode"));
		assertThat(page(this.moderator)).doesNotContain("id=\"topic-survey\"").contains("topic-survey-tools");

		this.mvc.perform(attach(this.moderator, poll.key(), "POLL"))
			.andExpect(flash().attribute("message", "topicSurvey.attached"));
		assertThat(page(this.author)).contains("id=\"topic-survey\"").contains("Gas canister");
		assertThat(page(null)).contains("Sign in to answer").doesNotContain("Gas canister");

		this.mvc
			.perform(post("/t/" + this.topic.id() + "/survey/remove").with(as(this.moderator))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "topicSurvey.removed"));
		assertThat(page(this.author)).doesNotContain("id=\"topic-survey\"");
	}

	@Test
	void membersVoteOnceAndThenSeeTheLiveResults() throws Exception {
		Survey poll = stovePoll();
		this.mvc.perform(attach(this.moderator, poll.key(), "POLL")).andExpect(status().isFound());
		Viewer first = testData().member("voter");
		Viewer second = testData().member("voter");
		long question = poll.questions().get(0).id();

		String token = aged(tokenIn(page(first)));
		for (int attempt = 0; attempt < 2; attempt++) {
			this.mvc.perform(vote(first, token).param("q" + question, "1"))
				.andExpect(redirectedUrl("/t/" + this.topic.slug() + "/" + this.topic.id() + "#topic-survey"))
				.andExpect(flash().attribute("message", "topicSurvey.voted"));
		}
		assertThat(this.jdbc.sql("SELECT channel, status, page_url FROM survey_response WHERE survey_id = ?")
			.param(poll.id())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).as("a retried vote is stored once").containsExactly("FORUM COMPLETE /t/" + this.topic.id());

		String results = page(first);
		assertThat(results).contains("id=\"poll-results\"").contains("1 vote").contains("100.0 %");
		assertThat(results).as("no second vote").doesNotContain("name=\"token\"");
		assertThat(page(second)).doesNotContain("id=\"poll-results\"").contains("name=\"token\"");

		this.mvc.perform(vote(second, aged(tokenIn(page(second)))).param("q" + question, "2"))
			.andExpect(status().isFound());
		assertThat(page(first)).contains("2 votes").contains("50.0 %");
	}

	@Test
	void aVoteWithBadInputOrSomeoneElsesFormIsRefusedAndStoresNothing() throws Exception {
		Survey poll = stovePoll();
		this.mvc.perform(attach(this.moderator, poll.key(), "POLL")).andExpect(status().isFound());
		Viewer voter = testData().member("voter");
		Viewer other = testData().member("other");
		long question = poll.questions().get(0).id();
		String token = aged(tokenIn(page(voter)));

		this.mvc.perform(vote(voter, token).param("q" + question, "9")).andExpect(status().isBadRequest());
		this.mvc.perform(vote(voter, token).param("q999999999", "1")).andExpect(status().isBadRequest());
		this.mvc.perform(vote(other, token).param("q" + question, "1")).andExpect(status().isBadRequest());
		this.mvc.perform(vote(voter, token + "x").param("q" + question, "1")).andExpect(status().isBadRequest());
		String tooFast = justShown(tokenIn(page(voter)));
		String refused = this.mvc.perform(vote(voter, tooFast).param("q" + question, "1"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("That was very fast.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?")
			.param(poll.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void privateAnswersAreThankedWithoutResults() throws Exception {
		Survey poll = stovePoll();
		this.mvc.perform(attach(this.moderator, poll.key(), "PRIVATE")).andExpect(status().isFound());
		Viewer member = testData().member("quiet");
		assertThat(page(member)).contains("Only the team sees your answers.");
		this.mvc.perform(vote(member, aged(tokenIn(page(member)))).param("q" + poll.questions().get(0).id(), "2"))
			.andExpect(flash().attribute("message", "topicSurvey.thanks"));
		assertThat(page(member)).contains("id=\"topic-survey-thanks\"").doesNotContain("poll-results");
	}

	private Survey stovePoll() {
		long id = this.surveys.create(unique("stove").toLowerCase().replace('_', '-'), "Winter stoves",
				List.of(new NewQuestion(QuestionType.SINGLE_CHOICE, true,
						new Localized("Which stove do you take in winter?", null, null), null, null,
						List.of(new Localized("Gas canister", null, null), new Localized("Petrol", null, null)), false,
						null)));
		TestData.asStaff(() -> {
			this.surveys.publish(id);
			return null;
		});
		return this.surveys.findById(id).orElseThrow();
	}

	private RequestBuilder attach(Viewer viewer, String key, String mode) {
		return post("/t/" + this.topic.id() + "/survey").param("survey", key)
			.param("mode", mode)
			.with(as(viewer))
			.with(FormToken.from(this.mvc));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder vote(Viewer viewer,
			String token) {
		return post("/t/" + this.topic.id() + "/survey/answer").param("token", token)
			.with(as(viewer))
			.with(FormToken.from(this.mvc));
	}

	private String page(Viewer viewer) throws Exception {
		var request = get("/t/" + this.topic.slug() + "/" + this.topic.id());
		if (viewer != null) {
			request.with(as(viewer));
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Viewer viewer) {
		return user(viewer.username()).roles(viewer.roles().stream().map(Role::name).toArray(String[]::new));
	}

	private static String tokenIn(String page) {
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("a form in the topic").isTrue();
		return matcher.group(1);
	}

	/** A form sent back at once, however slow the machine running the test is. */
	private String justShown(String token) {
		AnswerContext context = this.tokens.verify(token);
		return this.tokens.issue(context.next(context.passed(), this.tokens.now() + 5_000));
	}

	/** A form that has been open for a while, as a person's would be. */
	private String aged(String token) {
		AnswerContext context = this.tokens.verify(token);
		return this.tokens.issue(context.next(context.passed(), context.issuedAt() - 10_000));
	}

}

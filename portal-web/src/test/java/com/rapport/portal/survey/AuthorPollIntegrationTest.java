package com.rapport.portal.survey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Topic authors place polls in their own topics: only surveys staff offered, only in
 * their own open topics in categories where they may start topics, one per topic, all
 * checked on the server; voters read the results again without reloading the page.
 */
class AuthorPollIntegrationTest extends PortalIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	SurveyService surveys;

	@Autowired
	FormTokens tokens;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Viewer author;

	Viewer staff;

	Category category;

	TopicRef topic;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.author = testData().member("pollster");
		this.staff = testData().member("offering", Role.STAFF);
		this.category = testData().category(unique("Gear"), Access.ANYONE, Access.MEMBER);
		this.topic = this.topics.startTopic(this.author,
				new NewTopic(this.category.id(), "Which tent for the Alps? " + unique("t"), "Vote below."));
	}

	@Test
	void staffChooseWhichSurveysAuthorsMayPlace() throws Exception {
		Survey poll = tentPoll();
		this.mvc.perform(allow(this.author, poll, true)).andExpect(status().isForbidden());
		assertThat(page(this.author)).doesNotContain("value=\"" + poll.key() + "\"");
		this.mvc.perform(place(this.author, poll.key()))
			.andExpect(flash().attribute("error", "ops3.poll.error.survey"));

		this.mvc.perform(allow(this.staff, poll, true))
			.andExpect(flash().attribute("message", "ops3.poll.staff.nowAllowed"));
		assertThat(this.mvc.perform(get("/staff/surveys/{id}", poll.id()).with(as(this.staff)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Topic authors may place this survey");
		assertThat(page(this.author)).contains("id=\"author-poll\"").contains("value=\"" + poll.key() + "\"");
		assertThat(page(testData().member("reader"))).as("only the author is offered it")
			.doesNotContain("id=\"author-poll\"");
	}

	@Test
	void anAuthorPlacesOnePollInTheirOwnTopicAndRemovesIt() throws Exception {
		Survey poll = offeredPoll();
		Viewer other = testData().member("intruder");
		this.mvc.perform(place(other, poll.key())).andExpect(flash().attribute("error", "ops3.poll.error.notAuthor"));
		this.mvc
			.perform(post("/t/" + this.topic.id() + "/survey/place").param("survey", poll.key())
				.with(FormToken.from(this.mvc)))
			.andExpect(status().is3xxRedirection());
		assertThat(surveyShown()).as("neither another member nor a visitor placed it").isZero();

		this.mvc.perform(place(this.author, poll.key())).andExpect(flash().attribute("message", "ops3.poll.placed"));
		assertThat(page(this.author)).contains("id=\"topic-survey\"").contains("Tunnel tent").contains("Your poll");
		this.mvc.perform(place(this.author, offeredPoll().key()))
			.andExpect(flash().attribute("error", "ops3.poll.error.onePerTopic"));
		assertThat(page(this.author)).contains("Tunnel tent");

		this.mvc.perform(withdraw(other)).andExpect(flash().attribute("error", "ops3.poll.error.notAuthor"));
		this.mvc.perform(withdraw(this.author)).andExpect(flash().attribute("message", "ops3.poll.removed"));
		assertThat(surveyShown()).isZero();
	}

	@Test
	void noPollWhereTheAuthorCannotStartTopicsOrInAClosedTopic() throws Exception {
		Survey poll = offeredPoll();
		this.jdbc.sql("UPDATE category SET create_role = 'MODERATOR' WHERE id = ?").param(this.category.id()).update();
		this.mvc.perform(place(this.author, poll.key()))
			.andExpect(flash().attribute("error", "ops3.poll.error.category"));
		assertThat(page(this.author)).doesNotContain("id=\"author-poll\"");

		this.jdbc.sql("UPDATE category SET create_role = 'MEMBER' WHERE id = ?").param(this.category.id()).update();
		this.jdbc.sql("UPDATE topic SET closed_at = NOW(6) WHERE id = ?").param(this.topic.id()).update();
		this.mvc.perform(place(this.author, poll.key()))
			.andExpect(flash().attribute("error", "ops3.poll.error.closed"));
		assertThat(surveyShown()).isZero();
	}

	@Test
	void aVoterReadsTheResultsAgainWithoutReloadingThePage() throws Exception {
		Survey poll = offeredPoll();
		this.mvc.perform(place(this.author, poll.key())).andExpect(status().isFound());
		Viewer first = testData().member("voter");
		Viewer second = testData().member("voter");
		long question = poll.questions().get(0).id();

		this.mvc.perform(results(first)).andExpect(status().isNotFound());
		vote(first, question, "1");
		String page = page(first);
		assertThat(page).contains("data-refresh=\"/t/" + this.topic.id() + "/survey/results\"")
			.contains("/js/poll-refresh.js");
		assertThat(fragment(first)).contains("id=\"poll-results\"").contains("1 vote").doesNotContain("<html");

		vote(second, question, "2");
		assertThat(fragment(first)).contains("2 votes").contains("50.0 %");
		this.mvc.perform(results(null)).andExpect(status().isNotFound());
	}

	private void vote(Viewer voter, long question, String answer) throws Exception {
		Matcher matcher = TOKEN.matcher(page(voter));
		assertThat(matcher.find()).as("a form in the topic").isTrue();
		AnswerContext context = this.tokens.verify(matcher.group(1));
		String token = this.tokens.issue(context.next(context.passed(), context.issuedAt() - 10_000));
		this.mvc
			.perform(post("/t/" + this.topic.id() + "/survey/answer").param("token", token)
				.param("q" + question, answer)
				.with(as(voter))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "topicSurvey.voted"));
	}

	private String fragment(Viewer viewer) throws Exception {
		return this.mvc.perform(results(viewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletRequestBuilder results(Viewer viewer) {
		MockHttpServletRequestBuilder request = get("/t/" + this.topic.id() + "/survey/results");
		return (viewer != null) ? request.with(as(viewer)) : request;
	}

	private MockHttpServletRequestBuilder place(Viewer viewer, String key) {
		return post("/t/" + this.topic.id() + "/survey/place").param("survey", key)
			.with(as(viewer))
			.with(FormToken.from(this.mvc));
	}

	private MockHttpServletRequestBuilder withdraw(Viewer viewer) {
		return post("/t/" + this.topic.id() + "/survey/withdraw").with(as(viewer)).with(FormToken.from(this.mvc));
	}

	private MockHttpServletRequestBuilder allow(Viewer viewer, Survey survey, boolean allowed) {
		return post("/staff/surveys/{id}/author-polls", survey.id()).param("allowed", Boolean.toString(allowed))
			.with(as(viewer))
			.with(FormToken.from(this.mvc));
	}

	private int surveyShown() {
		return this.jdbc.sql("SELECT COUNT(*) FROM topic_survey WHERE topic_id = ?")
			.param(this.topic.id())
			.query(Integer.class)
			.single();
	}

	private String page(Viewer viewer) throws Exception {
		return this.mvc.perform(get("/t/" + this.topic.slug() + "/" + this.topic.id()).with(as(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Survey offeredPoll() throws Exception {
		Survey poll = tentPoll();
		this.mvc.perform(allow(this.staff, poll, true)).andExpect(status().isFound());
		return poll;
	}

	private Survey tentPoll() {
		long id = this.surveys.create(unique("tent").toLowerCase().replace('_', '-'), "Alpine tents",
				List.of(new NewQuestion(QuestionType.SINGLE_CHOICE, true,
						new Localized("Which tent for the Alps?", null, null), null, null,
						List.of(new Localized("Tunnel tent", null, null), new Localized("Dome tent", null, null)),
						false, null)));
		TestData.asStaff(() -> {
			this.surveys.publish(id);
			return null;
		});
		return this.surveys.findById(id).orElseThrow();
	}

	private static RequestPostProcessor as(Viewer viewer) {
		return user(viewer.username()).roles(viewer.roles().stream().map(Role::name).toArray(String[]::new));
	}

}

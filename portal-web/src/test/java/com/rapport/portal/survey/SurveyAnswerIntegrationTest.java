package com.rapport.portal.survey;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.Condition;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answer endpoints of the link and the embed: what a respondent sees first, that a
 * retried submit stores one response, and that bad input gets a clear refusal and stores
 * nothing.
 */
class SurveyAnswerIntegrationTest extends PortalIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private static final Pattern QUESTION = Pattern.compile("name=\"q(\\d+)\"");

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	FormTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void aNewVisitorSeesTheNpsScaleAsRadioInputsAtOnce() throws Exception {
		Survey survey = survey(false, List.of());
		String page = this.mvc.perform(get("/s/" + survey.key()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (int value = 0; value <= 10; value++) {
			assertThat(page).contains("type=\"radio\" id=\"q" + npsId(survey) + "-" + value + "\"")
				.contains("value=\"" + value + "\"");
		}
		assertThat(page).contains("<legend").contains("How likely are you to recommend us?");
	}

	@Test
	void aRetriedSubmitStoresOneResponse() throws Exception {
		Survey survey = survey(false, List.of());
		String token = aged(tokenOf(this.mvc.perform(get("/s/" + survey.key())).andReturn()));
		for (int attempt = 0; attempt < 3; attempt++) {
			this.mvc.perform(post("/s/" + survey.key()).param("token", token).param("q" + npsId(survey), "9"))
				.andExpect(redirectedUrl("/s/" + survey.key() + "/thanks"));
		}
		assertThat(responses(survey)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM survey_response WHERE survey_id = ?")
			.param(survey.id())
			.query(String.class)
			.single()).isEqualTo("COMPLETE");
	}

	@Test
	void aLowScoreAsksTheFollowUpBeforeTheThankYou() throws Exception {
		Survey survey = survey(true, List.of());
		String token = aged(tokenOf(this.mvc.perform(get("/s/" + survey.key())).andReturn()));
		MvcResult followUp = this.mvc
			.perform(post("/s/" + survey.key()).param("token", token).param("q" + npsId(survey), "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What disappointed you?")))
			.andReturn();
		String html = followUp.getResponse().getContentAsString();
		Matcher question = QUESTION.matcher(html);
		assertThat(question.find()).isTrue();
		this.mvc
			.perform(post("/s/" + survey.key()).param("token", tokenOf(followUp))
				.param("q" + question.group(1), "The tent leaked."))
			.andExpect(redirectedUrl("/s/" + survey.key() + "/thanks"));
		assertThat(this.jdbc
			.sql("SELECT a.text_value FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
					+ "WHERE r.survey_id = ? AND a.text_value IS NOT NULL")
			.param(survey.id())
			.query(String.class)
			.single()).isEqualTo("The tent leaked.");
	}

	@Test
	void badAnswersAreRefusedWithAMessageAndStoreNothing() throws Exception {
		Survey survey = survey(true, List.of());
		String token = aged(tokenOf(this.mvc.perform(get("/s/" + survey.key())).andReturn()));
		String nps = "q" + npsId(survey);
		this.mvc.perform(post("/s/" + survey.key()).param("token", token).param(nps, "11"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please choose one of the values offered.")));
		this.mvc.perform(post("/s/" + survey.key()).param("token", token).param("q999999999", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not part of this survey")));
		this.mvc.perform(post("/s/" + survey.key()).param("token", token + "x").param(nps, "5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This form is not valid any more.")));
		this.mvc.perform(post("/s/" + survey.key()).param("token", token).param(nps, "5").param("website", "spam"))
			.andExpect(status().isBadRequest());
		// a form sent the moment it was shown (dated a second ahead, so a slow machine
		// running the test cannot make it look old enough; FormTokenTimeIntegrationTest
		// checks the boundary to the millisecond)
		String tooFast = sentAtOnce(tokenOf(this.mvc.perform(get("/s/" + survey.key())).andReturn()));
		this.mvc.perform(post("/s/" + survey.key()).param("token", tooFast).param(nps, "5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That was very fast.")));
		assertThat(responses(survey)).isZero();

		this.mvc.perform(post("/s/" + survey.key()).param("token", token).param(nps, "2")).andExpect(status().isOk());
		TestData.asStaff(() -> {
			this.surveys.close(survey.id());
			return null;
		});
		this.mvc.perform(get("/s/" + survey.key()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This survey is closed")));
		this.mvc.perform(post("/s/" + survey.key()).param("token", token).param(nps, "2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This survey is closed")));
	}

	@Test
	void theEmbedFrameIsOnlyFramedByListedOriginsAndStoresItsContext() throws Exception {
		Survey survey = survey(false, List.of("http://shop.example"));
		MvcResult frame = this.mvc
			.perform(get("/embed/" + survey.key()).param("url", "http://shop.example/checkout?step=3")
				.param("rid", "customer-42")
				.param("h.plan", "pro")
				.header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148"))
			.andExpect(status().isOk())
			.andExpect(
					header().string("Content-Security-Policy", containsString("frame-ancestors http://shop.example")))
			.andExpect(header().doesNotExist("X-Frame-Options"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		this.mvc
			.perform(post("/embed/" + survey.key()).param("token", aged(tokenOf(frame)))
				.param("q" + npsId(survey), "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")));
		var stored = this.jdbc
			.sql("SELECT channel, page_url, hidden_fields, device, respondent_hash FROM survey_response "
					+ "WHERE survey_id = ?")
			.param(survey.id())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
		assertThat(stored.subList(0, 4)).containsExactly("EMBED", "http://shop.example/checkout?step=3", "plan=pro",
				"MOBILE");
		assertThat(stored.get(4)).hasSize(64).doesNotContain("customer-42");

		this.mvc.perform(get("/embed/" + survey.key()).param("url", "http://evil.example/").param("rid", "x"))
			.andExpect(status().isForbidden())
			.andExpect(
					header().string("Content-Security-Policy", containsString("frame-ancestors http://shop.example")));
		// answered: the display rules do not show it to the same respondent again
		this.mvc.perform(get("/embed/" + survey.key()).param("url", "http://shop.example/").param("rid", "customer-42"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-close=\"true\"")));
	}

	@Test
	void anAnswerTheDatabaseCouldNotStoreComesBackToBeSentAgainWithTheSameResponse() throws Exception {
		Survey survey = survey(false, List.of("http://shop.example"));
		MvcResult frame = this.mvc
			.perform(get("/embed/" + survey.key()).param("url", "http://shop.example/checkout").param("rid", "c-7"))
			.andReturn();
		String token = aged(tokenOf(frame));
		String answer = "q" + npsId(survey);
		String page;
		// the database cannot store answers for a moment (as while it restarts)
		this.jdbc.sql("RENAME TABLE survey_answer TO survey_answer_away").update();
		try {
			page = this.mvc.perform(post("/embed/" + survey.key()).param("token", token).param(answer, "8"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "2"))
				.andExpect(header().string("Content-Security-Policy",
						containsString("frame-ancestors http://shop.example")))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		finally {
			this.jdbc.sql("RENAME TABLE survey_answer_away TO survey_answer").update();
		}
		assertThat(page).contains("could not be saved just now", "data-automatic=\"true\"")
			.contains("name=\"token\" value=\"" + token + "\"")
			.contains("name=\"" + answer + "\" value=\"8\"")
			.contains("name=\"retry\" value=\"1\"");
		assertThat(responses(survey)).isZero();

		// the page sends the same form again: stored once
		this.mvc.perform(post("/embed/" + survey.key()).param("token", token).param(answer, "8").param("retry", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you!")));
		this.mvc.perform(post("/embed/" + survey.key()).param("token", token).param(answer, "8").param("retry", "1"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT status FROM survey_response WHERE survey_id = ?")
			.param(survey.id())
			.query(String.class)
			.list()).containsExactly("COMPLETE");
	}

	@Test
	void theEmbedScriptIsSmallAndCacheable() throws Exception {
		MvcResult script = this.mvc.perform(get("/embed.js"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=3600")))
			.andReturn();
		assertThat(script.getResponse().getContentAsByteArray().length).isLessThan(5 * 1024);
	}

	@Test
	void theSamePageSubmittedManyTimesAtOnceStoresOneResponseAndCountsItOnce() throws Exception {
		Survey survey = survey(false, List.of());
		String token = aged(tokenOf(this.mvc.perform(get("/s/" + survey.key())).andReturn()));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			List<java.util.concurrent.Future<String>> submits = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				submits.add(pool.submit(() -> this.mvc
					.perform(post("/s/" + survey.key()).param("token", token).param("q" + npsId(survey), "10"))
					.andReturn()
					.getResponse()
					.getRedirectedUrl()));
			}
			for (java.util.concurrent.Future<String> submit : submits) {
				assertThat(submit.get()).as("every copy is acknowledged").isEqualTo("/s/" + survey.key() + "/thanks");
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(responses(survey)).isEqualTo(1);
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT SUM(answers) FROM survey_rollup WHERE survey_id = ? AND question_key = '' "
					+ "AND bucket IN ('started', 'completed')")
			.param(survey.id())
			.query(Integer.class)
			.single()).as("started and completed counted once each").isEqualTo(2);
	}

	@Test
	void aRespondentStartsTwentyResponsesAMinuteWhileRetriesOfKnownOnesAreNeverLimited() throws Exception {
		Survey survey = survey(false, List.of());
		TestData.asStaff(() -> {
			this.surveys.update(survey.id(), "Test NPS", new SurveySettings(SurveySettings.DEFAULTS.displayMode(),
					List.of(), null, null, 100, null, null, null, false, 0, null, null, null, null, null, null));
			return null;
		});
		String address = "10.77." + (System.nanoTime() % 200) + "." + (System.nanoTime() % 250);
		// the limit counts in fixed one-minute windows: 21 starts that straddle the turn
		// of
		// a minute would be counted in two windows, so start well inside one
		long toNextWindow = 60_000 - this.clock.millis() % 60_000;
		if (toNextWindow < 10_000) {
			Thread.sleep(toNextWindow + 100);
		}
		jakarta.servlet.http.Cookie respondent = new jakarta.servlet.http.Cookie(SurveyLinkController.RESPONDENT_COOKIE,
				unique("rid"));
		String first = null;
		for (int n = 1; n <= 21; n++) {
			String token = tokenOf(this.mvc.perform(get("/s/" + survey.key()).cookie(respondent)).andReturn());
			first = (first != null) ? first : token;
			String sent = token;
			this.mvc.perform(post("/s/" + survey.key() + "/save").param("token", token)
				.param("q" + npsId(survey), "8")
				.with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}))
				.andExpect((n <= 20) ? status().isNoContent() : status().isBadRequest())
				.andExpect((result) -> assertThat(sent).isNotNull());
		}
		assertThat(responses(survey)).isEqualTo(20);
		String known = first;
		this.mvc.perform(post("/s/" + survey.key() + "/save").param("token", known)
			.param("q" + npsId(survey), "9")
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})).andExpect(status().isNoContent());
	}

	@Test
	void anEditedQuestionIsShownAtOnce() throws Exception {
		Survey survey = survey(false, List.of());
		assertThat(this.mvc.perform(get("/s/" + survey.key())).andReturn().getResponse().getContentAsString())
			.contains("How likely are you to recommend us?");
		TestData.asStaff(() -> {
			this.surveys.updateQuestion(survey.id(), "q1",
					new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend our tents?", null, null));
			return null;
		});
		assertThat(this.mvc.perform(get("/s/" + survey.key())).andReturn().getResponse().getContentAsString())
			.contains("How likely are you to recommend our tents?")
			.doesNotContain("recommend us?");
	}

	private Survey survey(boolean followUp, List<String> origins) {
		String key = unique("s").toLowerCase().replace('_', '-');
		NewQuestion nps = new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null);
		List<NewQuestion> questions = followUp
				? List.of(nps, new NewQuestion(QuestionType.TEXT, false, "What disappointed you?", null, null)
					.shownWhen(new Condition("q1", Condition.Operator.LE, 6)))
				: List.of(nps);
		long id = this.surveys.create(key, "Test NPS", questions);
		this.surveys.publish(id);
		TestData.asStaff(() -> {
			this.surveys.update(id, "Test NPS", new SurveySettings(SurveySettings.DEFAULTS.displayMode(), origins, null,
					null, 100, null, null, null, true, 0, null, null, null, null, null, null));
			return null;
		});
		return this.surveys.findById(id).orElseThrow();
	}

	/**
	 * The same token as if the page had been open for a while (past the minimum time).
	 */
	private String sentAtOnce(String token) {
		AnswerContext context = this.tokens.verify(token);
		return this.tokens.issue(context.next(context.passed(), this.tokens.now() + 1_000));
	}

	private String aged(String token) {
		AnswerContext context = this.tokens.verify(token);
		return this.tokens.issue(context.next(context.passed(), context.issuedAt() - 10_000));
	}

	private static String tokenOf(MvcResult result) throws Exception {
		Matcher matcher = TOKEN.matcher(result.getResponse().getContentAsString());
		assertThat(matcher.find()).as("a token in the page").isTrue();
		return matcher.group(1);
	}

	private static long npsId(Survey survey) {
		return survey.questions().get(0).id();
	}

	private int responses(Survey survey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?")
			.param(survey.id())
			.query(Integer.class)
			.single();
	}

}

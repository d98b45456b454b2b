package com.rapport.portal.survey;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rapport.community.member.Role;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.metrics.ScoreCounts;
import com.rapport.survey.metrics.SurveyMetrics;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.results.ScoreTrends;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The results page shows the worked example (50 promoters, 30 passives, 20 detractors:
 * NPS 30 ± 15.3) with its definition, CSV exports and open texts by sentiment, to staff
 * only.
 */
class SurveyResultsIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	MockMvc mvc;

	String staff;

	String member;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.staff = testData().member("analyst", Role.STAFF).username();
		this.member = testData().member("nosy").username();
	}

	@Test
	void theStaffOverviewShowsNpsCesAndCsatCardsWithTheirWeeklyTables() throws Exception {
		String html = this.mvc.perform(get("/staff").with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Scores, last 30 days", "id=\"score-nps\"", "id=\"score-cesMean\"",
				"id=\"score-csat\"", "NPS: the last 12 weeks", "% of promoters (9–10) minus % of detractors (0–6)");
		assertThat(html.split("class=\"sparkline\"", -1)).hasSize(4);
		this.mvc.perform(get("/staff").with(user(this.member).roles("MODERATOR"))).andExpect(status().isForbidden());
	}

	@Test
	void aCardShowsTheLast30DaysWithItsMarginAndALineThroughTheWeeksWithAnswers() {
		var weeks = new java.util.ArrayList<ScoreTrends.WeekEstimate>();
		java.time.LocalDate monday = java.time.LocalDate.of(2031, 1, 6);
		for (int w = 0; w < ScoreTrends.WEEKS; w++) {
			ScoreCounts counts = (w == 1) ? ScoreCounts.empty(0, 10)
					: ScoreCounts.empty(0, 10).add(10, 40).add(8, 10).add(3, 10 + w);
			weeks.add(new ScoreTrends.WeekEstimate(monday.plusWeeks(w), SurveyMetrics.nps(counts, 30)));
		}
		ScoreCounts month = ScoreCounts.empty(0, 10).add(10, 40).add(8, 10).add(3, 10);
		var release = new Annotation(1, monday.plusWeeks(3).plusDays(2), Annotation.Kind.RELEASE, "App 2.0");
		var card = ScoreCards.card(new ScoreTrends.MetricTrend(SurveyMetrics.nps(month, 30), weeks), List.of(release));

		assertThat(card.value()).isEqualTo("50");
		assertThat(card.margin()).isEqualTo("19.3");
		assertThat(card.enough()).isTrue();
		assertThat(card.weeks()).hasSize(ScoreTrends.WEEKS);
		assertThat(card.weeks().get(1).value()).isEmpty();
		// eleven points: the week without answers is skipped; NPS 50 is a quarter from
		// the top of the -100..100 scale
		assertThat(card.sparkline().split(" ")).hasSize(11).startsWith("2.0,9.0");
		// the release falls in the fourth week: 2 + 3 * 116 / 11
		assertThat(card.marks()).singleElement().satisfies((m) -> {
			assertThat(m.x()).isEqualTo("33.6");
			assertThat(m.label()).isEqualTo("App 2.0");
		});
	}

	@Test
	void staffCorrectTheLabelOfAPromotersNegativeCommentAndSeeTheAnalysersAccuracy() throws Exception {
		String key = "mis-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.surveys.create(key, "Mismatches",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null),
						new NewQuestion(QuestionType.TEXT, false, "Why?", null, null)));
		this.surveys.publish(id);
		Survey survey = this.surveys.findById(id).orElseThrow();
		long why = survey.questions().get(1).id();
		this.responses
			.submit(new Submission(id, survey.currentVersion(), UUID.randomUUID().toString(), null, Channel.LINK, null,
					"en", Device.DESKTOP, Map.of(), null, Set.of(), Map.of(survey.questions().get(0).id(),
							List.of("10"), why, List.of("The app is slow and the support was terrible.")),
					Map.of(), false, null));
		String page = "/staff/surveys/{id}/results";
		String html = this.mvc.perform(get(page, id).with(user(this.staff).roles("STAFF")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Mismatches worth a look", "Promoter (10)", "the support was terrible");
		long responseId = Long.parseLong(html.replaceAll("(?s).*id=\"mismatch-(\\d+)-.*", "$1"));

		this.mvc
			.perform(post(page + "/sentiment", id).with(user(this.member).roles("MODERATOR"))
				.with(FormToken.from(this.mvc))
				.param("responseId", String.valueOf(responseId))
				.param("questionId", String.valueOf(why))
				.param("label", "POSITIVE"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(page + "/sentiment", id).with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("responseId", String.valueOf(responseId))
				.param("questionId", String.valueOf(why))
				.param("label", "NOT_ANALYSED"))
			.andExpect(flash().attribute("error", "insights.correction.invalid"));
		this.mvc
			.perform(post(page + "/sentiment", id).with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("responseId", String.valueOf(responseId))
				.param("questionId", String.valueOf(why))
				.param("label", "POSITIVE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "insights.correction.saved"));

		this.mvc.perform(get(page, id).with(user(this.staff).roles("STAFF")))
			.andExpect(content().string(allOf(containsString("No mismatches"),
					containsString("Staff corrected 1 of the 1 analysed open-text answers"),
					containsString("analyser&#39;s label stands for 0.0%"))));
	}

	@Test
	void staffSeeTheWorkedExampleAndOthersAreRefused() throws Exception {
		Survey survey = workedExample(this.surveys, this.responses);
		String page = "/staff/surveys/{id}/results";
		this.mvc.perform(get(page, survey.id()).with(user(this.member).roles("MEMBER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(page + "/q1/trend.csv", survey.id()).with(user(this.member).roles("MODERATOR")))
			.andExpect(status().isForbidden());

		String html = this.mvc.perform(get(page, survey.id()).with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"metric-q1-nps\"", "<strong class=\"metric-value\">30</strong>", "± 15.3",
				"n = 100", "two-sample z-test", "% of promoters (9–10) minus % of detractors (0–6)",
				"class=\"bar bar-promoter\"", "Not enough responses to compare", "slow and the support was terrible",
				"Because of: terrible");

		this.mvc.perform(get(page, survey.id()).param("label", "POSITIVE").with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("really helpful"), not(containsString("terrible")))));
		this.mvc.perform(get(page, survey.id()).param("q", "HELPFUL").with(user(this.staff).roles("STAFF")))
			.andExpect(content().string(allOf(containsString("really helpful"), not(containsString("was terrible")))));

		this.mvc.perform(get(page + "/q1/distribution.csv", survey.id()).with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value,answers,percent"), containsString("10,25,25.0"))));
		this.mvc.perform(get(page + "/q1/breakdown.csv", survey.id()).with(user(this.staff).roles("STAFF")))
			.andExpect(content().string(containsString("channel,LINK,100,30,15.3")));
		this.mvc.perform(get(page + "/q9/trend.csv", survey.id()).with(user(this.staff).roles("STAFF")))
			.andExpect(status().isNotFound());
	}

	/**
	 * A survey with an NPS question answered 100 times (20 detractors, 30 passives, 50
	 * promoters) and an open-text question answered twice.
	 */
	static Survey workedExample(SurveyService surveys, ResponseService responses) {
		String key = "res-" + UUID.randomUUID().toString().substring(0, 8);
		long id = surveys.create(key, "Results example",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null),
						new NewQuestion(QuestionType.TEXT, false, "Why?", null, null)));
		surveys.publish(id);
		Survey survey = surveys.findById(id).orElseThrow();
		long nps = survey.questions().get(0).id();
		long why = survey.questions().get(1).id();
		int[] perScore = { 2, 2, 2, 2, 2, 5, 5, 15, 15, 25, 25 };
		int n = 0;
		for (int score = 0; score <= 10; score++) {
			for (int i = 0; i < perScore[score]; i++) {
				Map<Long, List<String>> answers = (n == 0)
						? Map.of(nps, List.of(String.valueOf(score)), why,
								List.of("The app is slow and the support was terrible."))
						: (n == 99)
								? Map.of(nps, List.of(String.valueOf(score)), why,
										List.of("Great product, the team is really helpful!"))
								: Map.of(nps, List.of(String.valueOf(score)));
				responses.submit(
						new Submission(id, survey.currentVersion(), UUID.randomUUID().toString(), null, Channel.LINK,
								null, "en", Device.DESKTOP, Map.of(), null, Set.of(), answers, Map.of(), false, null));
				n++;
			}
		}
		return survey;
	}

}

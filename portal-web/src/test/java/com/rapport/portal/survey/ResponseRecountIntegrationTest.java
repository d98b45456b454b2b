package com.rapport.portal.survey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rapport.community.member.Role;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.response.ResponseCounts;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A survey's response count left short (the count is raised just after the response
 * commits, so a database outage at that moment loses the raise) is repaired by the
 * periodic recount and by staff from the survey's page.
 */
class ResponseRecountIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	ResponseCounts counts;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void thePeriodicRecountRepairsACountLeftShortByAnOutage() {
		Survey survey = answeredThreeTimes();
		Survey untouched = answeredThreeTimes();
		loseRaises(survey, 2, Duration.ofMinutes(5));

		assertThat(this.counts.recountRecent()).isGreaterThanOrEqualTo(2);
		assertThat(countShown(survey)).isEqualTo(3);
		assertThat(countShown(untouched)).isEqualTo(3);
		assertThat(uncounted(survey)).isZero();

		// a count changed by other means (by hand, a partial restore) is set right too
		this.jdbc.sql("UPDATE survey SET response_count = 8 WHERE id = ?").param(survey.id()).update();
		this.counts.recountRecent();
		assertThat(countShown(survey)).isEqualTo(3);
	}

	@Test
	void aRaiseThatMayStillBeOnItsWayIsLeftToIt() {
		Survey survey = answeredThreeTimes();
		loseRaises(survey, 1, Duration.ZERO);
		this.counts.recountRecent();
		assertThat(countShown(survey)).as("completed a moment ago: not raced").isEqualTo(2);
		assertThat(uncounted(survey)).isEqualTo(1);
	}

	@Test
	void staffRecountASurveyFromItsPage() throws Exception {
		Survey survey = answeredThreeTimes();
		loseRaises(survey, 1, Duration.ZERO);
		String staff = testData().member("counter", Role.STAFF).username();
		String member = testData().member("nosy").username();

		this.mvc
			.perform(post("/staff/surveys/{id}/recount", survey.id()).with(user(member).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		assertThat(countShown(survey)).isEqualTo(2);

		this.mvc
			.perform(post("/staff/surveys/{id}/recount", survey.id()).with(user(staff).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/staff/surveys/" + survey.id()))
			.andExpect(flash().attribute("message", "ops3.recount.corrected"));
		this.mvc.perform(get("/staff/surveys/{id}", survey.id()).with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Completed responses: 3")));
		this.mvc
			.perform(post("/staff/surveys/{id}/recount", survey.id()).with(user(staff).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "ops3.recount.right"));
		assertThat(countShown(survey)).isEqualTo(3);
		assertThat(uncounted(survey)).isZero();
	}

	private Survey answeredThreeTimes() {
		Survey survey = Detractors.survey(this.surveys);
		for (int i = 0; i < 3; i++) {
			Detractors.answer(survey, this.responses, null, 9, null, Map.of());
		}
		assertThat(countShown(survey)).isEqualTo(3);
		return survey;
	}

	/**
	 * As if the database had gone away just after these responses committed, before the
	 * count was raised, {@code ago} ago.
	 */
	private void loseRaises(Survey survey, int lost, Duration ago) {
		List<Long> responses = this.jdbc
			.sql("SELECT id FROM survey_response WHERE survey_id = ? AND status = 'COMPLETE' ORDER BY id LIMIT ?")
			.params(survey.id(), lost)
			.query(Long.class)
			.list();
		for (long response : responses) {
			this.jdbc.sql("UPDATE survey_response SET counted = FALSE, completed_at = ? WHERE id = ?")
				.params(Timestamp.from(Instant.now().minus(ago)), response)
				.update();
		}
		this.jdbc.sql("UPDATE survey SET response_count = response_count - ? WHERE id = ?")
			.params(lost, survey.id())
			.update();
	}

	private int uncounted(Survey survey) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND status = 'COMPLETE' AND NOT counted")
			.param(survey.id())
			.query(Integer.class)
			.single();
	}

	private int countShown(Survey survey) {
		return this.jdbc.sql("SELECT response_count FROM survey WHERE id = ?")
			.param(survey.id())
			.query(Integer.class)
			.single();
	}

}

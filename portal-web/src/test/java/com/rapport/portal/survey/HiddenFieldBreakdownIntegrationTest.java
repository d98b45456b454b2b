package com.rapport.portal.survey;

import java.util.Map;
import java.util.UUID;

import com.rapport.community.member.Role;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.results.HiddenFieldRollups;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The score per hidden field value on a worked example: plan=pro answered 10, 9 and 3
 * (NPS (2 − 1) / 3 = 33), plan=free 0 and 8 (NPS (0 − 1) / 2 = −50), one response without
 * fields (all six together: (3 − 2) / 6 = 17); the page and the CSV show the same, and a
 * rebuild gives the same rows.
 */
class HiddenFieldBreakdownIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	HiddenFieldRollups hiddenFields;

	@Test
	void theScoreIsBrokenDownByHiddenFieldValue() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		Survey survey = Detractors.survey(this.surveys);
		int[] pro = { 10, 9, 3 };
		for (int score : pro) {
			answer(survey, score, Map.of("plan", "pro", "source", "app"));
		}
		answer(survey, 0, Map.of("plan", "free"));
		answer(survey, 8, Map.of("plan", "free"));
		answer(survey, 10, Map.of());
		String staff = testData().member("hidden", Role.STAFF).username();

		String csv = csv(mvc, survey, staff);
		assertThat(csv).contains("hidden:plan,pro,3,33,", "hidden:plan,free,2,-50,", "hidden:source,app,3,33,",
				"channel,EMBED,6,17,");
		String page = mvc.perform(get("/staff/surveys/{id}/results", survey.id()).with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hidden field “plan”", "Value of “plan”", "<td>pro</td>", "<td>free</td>");

		this.hiddenFields.rebuild();
		assertThat(csv(mvc, survey, staff)).isEqualTo(csv);
	}

	private String csv(MockMvc mvc, Survey survey, String staff) throws Exception {
		return mvc
			.perform(get("/staff/surveys/{id}/results/q1/breakdown.csv", survey.id()).with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void answer(Survey survey, int score, Map<String, String> hidden) {
		Detractors.answer(survey, this.responses, "hid-" + UUID.randomUUID(), score, "Why " + score, hidden);
	}

}

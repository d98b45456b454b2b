package com.rapport.portal.staff;

import java.util.Map;
import java.util.UUID;

import com.rapport.community.member.Role;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.response.ResponseService;
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
 * A term rising in negative survey answers links to the answers it drove: two detractors
 * of this week blame "horrible" and are listed, each linking to its response on the
 * survey's results page; a third, positive answer is not. A list of terms or an empty
 * term gets a clear message, and only staff may read the list.
 */
class WhatHurtsAnswersIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Test
	void staffOpenTheAnswersARisingTermDrove() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		String staff = testData().member("hurtterm", Role.STAFF).username();
		String moderator = testData().member("hurttermmod", Role.MODERATOR).username();
		Survey survey = Detractors.survey(this.surveys);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Detractors.answer(survey, this.responses, "ht-" + tag + "-1", 1, "Horrible delivery " + tag + ", never again.",
				Map.of());
		Detractors.answer(survey, this.responses, "ht-" + tag + "-2", 2, "The horrible support " + tag + " ignored me.",
				Map.of());
		Detractors.answer(survey, this.responses, "ht-" + tag + "-3", 5, "Great people " + tag + ", thank you!",
				Map.of());

		String list = mvc
			.perform(get("/staff/what-hurts/answers").param("term", "Horrible").with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list)
			.contains("Negative survey answers driven by “horrible”", "id=\"term-answers\"", "Horrible delivery " + tag,
					"The horrible support " + tag,
					"/staff/surveys/" + survey.id() + "/results?label=NEGATIVE&amp;after=", "read negative because of")
			.doesNotContain("Great people " + tag);

		String page = mvc.perform(get("/staff/what-hurts").with(user(staff).roles("STAFF")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (page.contains("id=\"rising-answer-terms\"")) {
			assertThat(page).as("each rising answer term links to its answers")
				.contains("href=\"/staff/what-hurts/answers?term=");
		}

		for (String bad : new String[] { "", "horrible, hate", "x".repeat(101) }) {
			assertThat(mvc.perform(get("/staff/what-hurts/answers").param("term", bad).with(user(staff).roles("STAFF")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("Give one word or phrase").doesNotContain("id=\"term-answers\"");
		}
		mvc.perform(get("/staff/what-hurts/answers").param("term", "horrible").with(user(moderator).roles("MODERATOR")))
			.andExpect(status().isForbidden());
	}

}

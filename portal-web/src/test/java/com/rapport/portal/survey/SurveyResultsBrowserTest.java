package com.rapport.portal.survey;

import com.rapport.community.member.Role;
import com.rapport.portal.support.BrowserTest;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff open a survey's results from its page and read the NPS with its margin, then
 * narrow the open-text answers to the negative ones.
 */
class SurveyResultsBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Test
	void staffOpenTheResultsAndSeeTheNps() {
		Survey survey = SurveyResultsIntegrationTest.workedExample(this.surveys, this.responses);
		String staff = testData().member("reader", Role.STAFF).username();

		deleteCookies();
		loginAs(staff, "a long secret phrase");
		open("/staff/surveys/" + survey.id());
		clickAndWait(byId("survey-results"));
		assertThat(currentPath()).isEqualTo("/staff/surveys/" + survey.id() + "/results");
		assertThat(byId("metric-q1-nps").getText()).contains("NPS", "30", "± 15.3", "n = 100");
		assertAccessible();

		select("label", "NEGATIVE");
		submit();
		assertThat(find(".open-texts").getText()).contains("terrible").doesNotContain("really helpful");
	}

}

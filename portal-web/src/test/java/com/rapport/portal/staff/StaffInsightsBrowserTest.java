package com.rapport.portal.staff;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.TestData;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.results.SurveyResults;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member's round of the insights: the score cards of the overview, a detractor
 * whose comment reads positive corrected on the survey's results, an event marked on the
 * timeline and seen on the charts, and "what hurts" this week.
 */
class StaffInsightsBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	SurveyResults results;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffReadTheScoresCorrectAMismatchMarkAnEventAndSeeWhatHurts() {
		Survey survey = Detractors.survey(this.surveys);
		Detractors.answer(survey, this.responses, "ins-" + UUID.randomUUID(), 2,
				"Great product, I love it and the team is wonderful!", Map.of());
		long responseId = this.jdbc.sql("SELECT MAX(id) FROM survey_response WHERE survey_id = ?")
			.param(survey.id())
			.query(Long.class)
			.single();
		long why = survey.questions().get(1).id();
		Viewer staff = testData().member("insight", Role.STAFF);

		deleteCookies();
		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff");
		WebElement nps = byId("score-nps");
		assertThat(nps.findElement(By.tagName("h3")).getText()).isEqualTo("NPS");
		assertThat(nps.getText()).contains("n = ");
		assertThat(findAll(".score-card")).hasSizeGreaterThanOrEqualTo(3);
		assertAccessible();

		open("/staff/surveys/" + survey.id() + "/results");
		WebElement mismatch = byId("mismatch-" + responseId + "-" + why);
		assertThat(mismatch.getText()).contains("Detractor (2)", "Great product", "Positive");
		new Select(byId("correct-" + responseId + "-" + why)).selectByValue("NEGATIVE");
		clickAndWait(mismatch.findElement(By.cssSelector("button[type=submit]")));
		assertThat(find(".notice-success").getText()).isEqualTo("The sentiment label was corrected.");
		assertThat(byId("mismatches").getText()).doesNotContain("Great product, I love it");
		assertThat(byId("sentiment-accuracy").getText()).startsWith("Staff corrected 1 of the 1 analysed")
			.contains("stands for 0.0%");
		assertAccessible();

		LocalDate today = this.results.today();
		String label = "Launch " + unique("tent");
		open("/staff/annotations");
		((JavascriptExecutor) driver()).executeScript("arguments[0].value = arguments[1]", byId("annotation-day"),
				today.toString());
		select("kind", "RELEASE");
		type("label", label);
		submit();
		assertThat(find(".notice-success").getText()).isNotEmpty();
		assertThat(byId("annotations").getText()).contains(label, today.toString());
		clickLink("Community health");
		assertThat(findAll(".chart-mark")).isNotEmpty();
		assertThat(find(".chart-events").getText()).contains(label, "Release");
		open("/staff/surveys/" + survey.id() + "/results");
		assertThat(find("#question-q1 .chart-events").getText()).contains(label);

		clickLink("What hurts");
		assertThat(find("h1").getText()).isEqualTo("What hurts this week");
		assertThat(pageText()).contains("Most negative topics", "Rising in negative posts",
				"Most negative survey answers", "Rising in negative survey answers");
		assertAccessible();
	}

}

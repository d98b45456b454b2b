package com.rapport.portal.survey;

import java.util.List;

import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A respondent submits while the database cannot store answers (as during a restart): the
 * page says so and, once the database is back, sends the same answer again by itself; one
 * completed response is stored.
 */
class SurveyRetryBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnswerSubmittedWhileTheDatabaseIsAwayIsSentAgainByThePage() throws Exception {
		String key = unique("retry").toLowerCase().replace('_', '-');
		long id = this.surveys.create(key, "Retry NPS",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)));
		this.surveys.publish(id);
		TestData.asStaff(() -> {
			this.surveys.update(id, "Retry NPS", new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(),
					null, null, 100, null, null, null, true, 0, null, null, null, null, null, null));
			return null;
		});

		deleteCookies();
		open("/s/" + key);
		click("label[for$='-7']");
		Thread.sleep(1100);
		this.jdbc.sql("RENAME TABLE survey_answer TO survey_answer_away").update();
		try {
			clickAndWait(byId("survey-submit"));
			assertThat(byId("survey-retry-message").getText()).contains("could not be saved just now");
		}
		finally {
			this.jdbc.sql("RENAME TABLE survey_answer_away TO survey_answer").update();
		}
		waitUntil((driver) -> !driver.findElements(By.id("survey-thanks")).isEmpty());

		assertThat(this.jdbc.sql("SELECT status FROM survey_response WHERE survey_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("COMPLETE");
	}

}

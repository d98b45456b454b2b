package com.rapport.portal.followup;

import java.util.Map;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.TestData;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the loop with a customer who has no account, in the browser: staff email a
 * detractor from the follow-up, the customer follows the link in the mail and answers,
 * and staff read the answer in the follow-up's timeline.
 */
class FollowUpEmailReplyBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	SurveySecrets secrets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerAnswersStaffsEmailThroughTheLinkInIt() {
		String email = unique("mailcust") + "@example.com";
		long survey = Detractors.answered(this.surveys, this.responses, this.secrets.hashRespondent("r:" + email), 3,
				"The parcel arrived torn open.", Map.of("email", email));
		long followUp = this.jdbc.sql("SELECT id FROM follow_up WHERE survey_id = ?")
			.param(survey)
			.query(Long.class)
			.single();
		Viewer staff = testData().member("mailer", Role.STAFF);

		deleteCookies();
		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff/follow-ups/" + followUp);
		assertThat(pageText()).contains("The parcel arrived torn open.", email);
		find("#fu-email").sendKeys("We are sorry! A new parcel is on its way. Did it arrive safely?");
		clickAndWait(find("#follow-up-email button[type=submit]"));
		assertThat(byId("fu-status").getText()).isEqualTo("Contacted");
		logout();

		// the customer opens the link in the mail, in a browser without any login
		deleteCookies();
		String link = linkIn(awaitMailTo(email), "/follow-up/reply");
		driver().get(link);
		waitForPageLoad();
		assertThat(isPresent("#follow-up-reply")).as("the answer form").isTrue();
		assertAccessible();
		find("#reply-body").sendKeys("Yes, it came today in one piece. Thank you!");
		clickAndWait(find("#follow-up-reply button[type=submit]"));
		assertThat(byId("reply-sent").getText()).isNotEmpty();

		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff/follow-ups/" + followUp);
		assertThat(byId("follow-up-timeline").getText()).contains("The customer answered",
				"Yes, it came today in one piece.");
	}

}

package com.rapport.portal.followup;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the loop in the browser: a member answers a survey as a detractor, staff find
 * the follow-up and write to them, the member answers in their messages, and the answer
 * shows in the follow-up.
 */
class FollowUpBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Test
	void staffWriteToADetractorAndReadTheirAnswerInTheFollowUp() throws Exception {
		Survey survey = Detractors.survey(this.surveys);
		Viewer customer = testData().member("grumpy");
		Viewer staff = testData().member("closer", Role.STAFF);

		deleteCookies();
		loginAs(customer.username(), TestData.PASSWORD);
		open("/s/" + survey.key());
		click("label[for$='-3']");
		Thread.sleep(1100);
		clickAndWait(byId("survey-submit"));
		type(find("textarea").getDomAttribute("name"), "The app logs me out every day.");
		Thread.sleep(1100);
		clickAndWait(byId("survey-submit"));
		logout();

		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff/follow-ups?source=RESPONSE");
		assertThat(byId("follow-up-overview").getText()).contains("Detractors contacted within 48 hours");
		assertAccessible();
		clickAndWait(find("#follow-ups tr:has(td:nth-child(2)) a[href*='/staff/follow-ups/']"));
		assertThat(pageText()).contains("@" + customer.username(), "The app logs me out every day.");
		assertAccessible();
		type("body", "Sorry about that! Which phone do you use?");
		submit();
		assertThat(pageText()).contains("The message was sent.");
		assertThat(byId("fu-status").getText()).isEqualTo("Contacted");
		String followUp = currentPath();
		logout();

		loginAs(customer.username(), TestData.PASSWORD);
		open("/messages");
		clickLink("About your feedback");
		type("body", "An old Android phone.");
		submit();
		logout();

		loginAs(staff.username(), TestData.PASSWORD);
		assertThat(find("#notifications-bell .bell-count").getText()).as("the private message, once").isEqualTo("1");
		open(followUp);
		assertThat(byId("follow-up-timeline").getText()).contains("The customer answered", "An old Android phone.");
		select("status", "RESOLVED");
		submit();
		assertThat(byId("fu-status").getText()).isEqualTo("Resolved");
	}

}

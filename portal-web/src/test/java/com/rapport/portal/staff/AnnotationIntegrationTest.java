package com.rapport.portal.staff;

import java.time.LocalDate;

import com.rapport.community.member.Role;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.results.SurveyResults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

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
 * Staff mark an event on the timeline and the community-health charts show it on its day;
 * bad input changes nothing and only staff may mark or remove events.
 */
class AnnotationIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyResults results;

	MockMvc mvc;

	String staff;

	String moderator;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.staff = testData().member("timeline", Role.STAFF).username();
		this.moderator = testData().member("notstaff", Role.MODERATOR).username();
	}

	@Test
	void staffMarkAnEventThatTheChartsShowAndOnlyStaffMayDoSo() throws Exception {
		LocalDate yesterday = this.results.today().minusDays(1);
		this.mvc
			.perform(post("/staff/annotations").with(user(this.moderator).roles("MODERATOR"))
				.with(FormToken.from(this.mvc))
				.param("day", yesterday.toString())
				.param("kind", "OUTAGE")
				.param("label", "Login outage"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/annotations").with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("day", "yesterday")
				.param("kind", "OUTAGE")
				.param("label", "Login outage"))
			.andExpect(flash().attribute("error", "annotation.error.day"));
		this.mvc
			.perform(post("/staff/annotations").with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("day", yesterday.toString())
				.param("kind", "OUTAGE")
				.param("label", "x".repeat(121)))
			.andExpect(flash().attribute("error", "annotation.error.label"));
		this.mvc
			.perform(post("/staff/annotations").with(user(this.staff).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("day", yesterday.toString())
				.param("kind", "OUTAGE")
				.param("label", "登录故障 Login outage"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "annotation.added"));

		this.mvc.perform(get("/staff/annotations").with(user(this.staff).roles("STAFF")))
			.andExpect(
					content().string(allOf(containsString("登录故障 Login outage"), not(containsString("x".repeat(121))))));
		this.mvc.perform(get("/staff/community").with(user(this.staff).roles("STAFF")))
			.andExpect(content().string(allOf(containsString("class=\"chart-mark\""),
					containsString("Events on this chart"), containsString("登录故障 Login outage"))));
		this.mvc.perform(get("/staff/annotations").with(user(this.moderator).roles("MODERATOR")))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffReadWhatHurtsThisWeekAndModeratorsAreRefused() throws Exception {
		this.mvc.perform(get("/staff/what-hurts").with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("What hurts this week"),
					containsString("Most negative topics"), containsString("Rising in negative posts"))));
		this.mvc.perform(get("/staff/what-hurts").with(user(this.moderator).roles("MODERATOR")))
			.andExpect(status().isForbidden());
	}

}

package com.rapport.portal.followup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.SurveyService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Closing the loop with a customer who has no account: staff email them from the
 * follow-up, and the answer they send through the mail's link comes back into it.
 */
class FollowUpWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	SurveySecrets secrets;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Viewer staff;

	long followUp;

	String email;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.staff = testData().member("fustaff", Role.STAFF);
		this.email = unique("cust") + "@example.com";
		long survey = Detractors.answered(this.surveys, this.responses, this.secrets.hashRespondent("r:" + this.email),
				2, "Checkout failed three times", Map.of("email", this.email));
		this.followUp = this.jdbc.sql("SELECT id FROM follow_up WHERE survey_id = ?")
			.param(survey)
			.query(Long.class)
			.single();
	}

	@Test
	void onlyStaffSeeFollowUps() throws Exception {
		Viewer moderator = testData().member("fumod", Role.MODERATOR);
		this.mvc.perform(get("/staff/follow-ups").with(user(moderator.username()).roles("MEMBER", "MODERATOR")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/follow-ups/{id}/notes", this.followUp).param("body", "sneaky")
				.with(user(moderator.username()).roles("MEMBER", "MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM follow_up_event WHERE follow_up_id = ? AND kind = 'NOTE'")
			.param(this.followUp)
			.query(Integer.class)
			.single()).isZero();

		String list = page("/staff/follow-ups");
		assertThat(list).contains("Checkout failed three times", this.email, "NPS 2");
	}

	@Test
	void theCustomersAnswerToAnEmailComesBackIntoTheFollowUp() throws Exception {
		this.mvc
			.perform(post("/staff/follow-ups/{id}/email", this.followUp)
				.param("body", "Sorry about checkout. We fixed the payment bug; could you try again?")
				.with(asStaff())
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "followup.done.email"));
		MimeMessage mail = awaitMailTo(this.email);
		assertThat(textOf(mail)).contains("We fixed the payment bug");
		URI link = URI.create(linkIn(mail, "/follow-up/reply"));
		String path = link.getRawPath() + "?" + link.getRawQuery();

		assertThat(this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"follow-up-reply\"");
		String forged = path.replace("f=" + this.followUp, "f=" + (this.followUp + 1));
		this.mvc.perform(get(forged)).andExpect(status().isBadRequest());

		this.mvc
			.perform(post("/follow-up/reply").param("f", query(link, "f"))
				.param("e", query(link, "e"))
				.param("s", query(link, "s"))
				.param("body", "It works now, thank you!")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/follow-up/reply").param("f", String.valueOf(this.followUp + 1))
				.param("e", query(link, "e"))
				.param("s", query(link, "s"))
				.param("body", "Forged answer")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isBadRequest());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = 'FOLLOW_UP_REPLY'")
			.param(this.staff.memberId())
			.query(Integer.class)
			.single()).as("whoever wrote the email owns the follow-up and is told of the answer").isEqualTo(1);
		String detail = page("/staff/follow-ups/" + this.followUp);
		assertThat(detail).contains("It works now, thank you!", "The customer answered", "Contacted")
			.doesNotContain("Forged answer");
	}

	@Test
	void badInputChangesNothingAndSaysWhy() throws Exception {
		this.mvc
			.perform(post("/staff/follow-ups/{id}/status", this.followUp).param("status", "WONT_FIX")
				.param("note", "")
				.with(asStaff())
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "followup.status.noteRequired"));
		this.mvc
			.perform(post("/staff/follow-ups/{id}/message", this.followUp).param("subject", "Hello")
				.param("body", "Hello there")
				.with(asStaff())
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "followup.message.noMember"));
		this.mvc
			.perform(post("/staff/follow-ups/{id}/due", this.followUp).param("due", "yesterday")
				.with(asStaff())
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "mod.date.invalid"));
		this.mvc.perform(get("/staff/follow-ups/{id}", Long.MAX_VALUE).with(asStaff()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT status FROM follow_up WHERE id = ?")
			.param(this.followUp)
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor asStaff() {
		return user(this.staff.username()).roles("MEMBER", "STAFF");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(asStaff()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String query(URI link, String name) {
		for (String pair : link.getRawQuery().split("&")) {
			if (pair.startsWith(name + "=")) {
				return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + name + " in " + link);
	}

}

package com.rapport.portal.listening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.rapport.community.listening.WatchTermBackfill;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.community.category.Access;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.Survey;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The watch-terms page on a worked example: three posts and two survey answers name the
 * term (two negative, three positive); the page, its data table, the CSV and the list of
 * mentions show those figures, and the jump of the negative share (40% this week against
 * nothing before) reaches staff in the portal and by email. Only staff may add or read.
 */
class WatchTermsWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	WatchTermBackfill backfill;

	@Autowired
	WatchTermAlertJob alertJob;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Viewer staff;

	String moderator;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.staff = testData().member("listener", Role.STAFF);
		this.moderator = testData().member("notlistener", Role.MODERATOR).username();
	}

	@Test
	void staffWatchATermAndSeeItsMentionsWithTheirSentimentAndAreAlerted() throws Exception {
		String term = "kelp"
				+ Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36).replaceAll("[0-9]", "x");
		this.mvc
			.perform(post("/staff/watch-terms").with(user(this.moderator).roles("MODERATOR"))
				.with(FormToken.from(this.mvc))
				.param("term", term))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/watch-terms").with(user(this.staff.username()).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("term", "kelp*"))
			.andExpect(flash().attribute("error", "listen.term.invalid"));
		this.mvc
			.perform(post("/staff/watch-terms").with(user(this.staff.username()).roles("STAFF"))
				.with(FormToken.from(this.mvc))
				.param("term", " " + term.toUpperCase() + " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "listen.term.added"));
		long termId = this.jdbc.sql("SELECT id FROM watch_term WHERE term = ?").param(term).query(Long.class).single();
		this.backfill.backfillPending();

		Viewer member = testData().member("writer");
		long category = testData().category("Gear", Access.ANYONE, Access.MEMBER).id();
		long topic = this.topics
			.startTopic(member, new NewTopic(category, "My new " + term, "I love the " + term + ", it is great!"))
			.id();
		this.topics.reply(member, topic, "The " + term + " is wonderful, thank you.", null);
		this.topics.reply(member, topic, "My " + term + " broke after a day. Terrible!", null);
		Survey survey = Detractors.survey(this.surveys);
		Detractors.answer(survey, this.responses, "r-" + term + "-1", 2,
				"The " + term + " leaks, awful and disappointing.", Map.of());
		Detractors.answer(survey, this.responses, "r-" + term + "-2", 5, "Good " + term + ", nice colours.", Map.of());

		String page = this.mvc.perform(get("/staff/watch-terms").with(user(this.staff.username()).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(term, "5 mentions in these periods", "class=\"bar bar-detractor\"",
				"class=\"bar bar-promoter\"", "<td>5</td>", "<td>2 (40%)</td>", "<td>0 (0%)</td>", "<td>3 (60%)</td>",
				"/staff/watch-terms/" + termId);
		this.mvc.perform(get("/staff/watch-terms").param("by", "day").with(user(this.staff.username()).roles("STAFF")))
			.andExpect(content()
				.string(allOf(containsString("5 mentions in these periods"), containsString("<td>2 (40%)</td>"))));
		this.mvc.perform(get("/staff/watch-terms.csv").with(user(this.staff.username()).roles("STAFF")))
			.andExpect(content().string(containsString(term + ",")))
			.andExpect(content().string(containsString(",5,2,0,3,0")));
		this.mvc.perform(get("/staff/watch-terms/" + termId).with(user(this.staff.username()).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("My new " + term), containsString("/p/"),
					containsString("leaks, awful and disappointing"),
					containsString("/staff/surveys/" + survey.id() + "/results?after="))));
		this.mvc.perform(get("/staff/watch-terms").with(user(this.moderator).roles("MODERATOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/watch-terms/" + termId).with(user(this.moderator).roles("MODERATOR")))
			.andExpect(status().isForbidden());

		this.alertJob.check();
		String subject = "Negative mentions of “" + term + "” jumped this week";
		MimeMessage mail = awaitAlert(subject);
		assertThat(textOf(mail)).contains("This week 40% of the analysed mentions", "against 0%", "5 analysed mentions",
				"/staff/watch-terms/" + termId);
		this.mvc.perform(get("/notifications").with(user(this.staff.username()).roles("STAFF")))
			.andExpect(content().string(containsString("Negative mentions of “" + term + "” jumped this week")));
		this.alertJob.check();
		Thread.sleep(1000);
		assertThat(alerts(subject)).as("once per term and week").hasSize(1);

		this.mvc
			.perform(post("/staff/watch-terms/" + termId + "/remove").with(user(this.staff.username()).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "listen.term.removed"));
		this.mvc.perform(get("/staff/watch-terms/" + termId).with(user(this.staff.username()).roles("STAFF")))
			.andExpect(status().isNotFound());
	}

	/** Waits up to 30 seconds for the alert mail to this test's staff member. */
	private MimeMessage awaitAlert(String subject) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (alerts(subject).isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No mail '" + subject + "' to " + this.staff.username());
			}
			Thread.sleep(100);
		}
		return alerts(subject).get(0);
	}

	private List<MimeMessage> alerts(String subject) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage mail : mailsTo(this.staff.username() + "@example.com")) {
			if (subject.equals(mail.getSubject())) {
				found.add(mail);
			}
		}
		return found;
	}

}

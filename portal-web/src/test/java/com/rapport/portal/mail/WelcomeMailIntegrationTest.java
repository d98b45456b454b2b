package com.rapport.portal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The welcome sequence after sign-up: in the member's language, each step once even with
 * two app nodes, stopped by its unsubscribe link and by staff.
 */
class WelcomeMailIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	WelcomeMails welcomeMails;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void aNewMemberGetsTheSequenceInTheirLanguageOnceEachAndCanStopIt() throws Exception {
		String name = unique("welcome");
		String email = name + "@example.com";
		long id = register(name, email);
		assertThat(steps(id)).as("nothing before the address is confirmed").isZero();
		MimeMessage verification = awaitMailTo(email);
		this.mvc.perform(get(linkIn(verification, "/verify").replaceFirst("^https?://[^/]+", "")));
		assertThat(steps(id)).isEqualTo(3);

		// two app nodes run the job at the same moment
		sendDueOnTwoNodes();
		MimeMessage welcome = awaitMailTo(email, 2);
		assertThat(welcome.getSubject()).startsWith("Добро пожаловать");
		assertThat(welcome.getHeader("List-Unsubscribe")).hasSize(1);
		assertThat(outboxCount(email)).as("day 0 sent once").isEqualTo(2);

		this.jdbc.sql("UPDATE welcome_mail SET due_at = due_at - INTERVAL 3 DAY WHERE member_id = ? AND step = 1")
			.param(id)
			.update();
		sendDueOnTwoNodes();
		MimeMessage popular = awaitMailTo(email, 3);
		assertThat(popular.getSubject()).startsWith("Популярные темы");
		assertThat(outboxCount(email)).as("day 3 sent once").isEqualTo(3);

		String unsubscribe = linkIn(popular, "/email/unsubscribe");
		this.mvc
			.perform(post("/email/unsubscribe").queryParam("t", unsubscribe.substring(unsubscribe.indexOf("t=") + 2)))
			.andExpect(redirectedUrl("/email/unsubscribed?scope=WELCOME"));
		this.jdbc.sql("UPDATE welcome_mail SET due_at = due_at - INTERVAL 7 DAY WHERE member_id = ?")
			.param(id)
			.update();
		this.welcomeMails.sendDue();
		assertThat(outboxCount(email)).as("day 7 not sent after unsubscribing").isEqualTo(3);
	}

	@Test
	void staffTurnTheSequenceOff() throws Exception {
		String staff = testData().member("staffwelcome", com.rapport.community.member.Role.STAFF).username();
		this.mvc
			.perform(post("/staff/member-settings").with(user(staff).roles("STAFF"))
				.param("deletedPosts", "KEEP")
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/staff/member-settings"));
		try {
			String name = unique("nowelcome");
			long id = register(name, name + "@example.com");
			this.mvc.perform(
					get(linkIn(awaitMailTo(name + "@example.com"), "/verify").replaceFirst("^https?://[^/]+", "")));
			assertThat(steps(id)).isZero();
			assertThat(this.welcomeMails.sendDue()).isZero();
		}
		finally {
			this.mvc
				.perform(post("/staff/member-settings").with(user(staff).roles("STAFF"))
					.param("welcomeMails", "true")
					.param("deletedPosts", "KEEP")
					.with(FormToken.from(this.mvc)))
				.andExpect(status().is3xxRedirection());
		}
	}

	private long register(String name, String email) throws Exception {
		this.mvc
			.perform(post("/register").cookie(new Cookie("rapport-lang", "ru"))
				.param("username", name)
				.param("email", email)
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(status().is3xxRedirection());
		return this.jdbc.sql("SELECT id FROM member WHERE username = ?").param(name).query(Long.class).single();
	}

	private void sendDueOnTwoNodes() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = new ArrayList<>();
			runs.add(this.welcomeMails::sendDue);
			runs.add(this.welcomeMails::sendDue);
			for (Future<Integer> run : nodes.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			nodes.shutdown();
		}
	}

	private int steps(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM welcome_mail WHERE member_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private int outboxCount(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

}

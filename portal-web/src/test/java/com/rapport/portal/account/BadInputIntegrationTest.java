package com.rapport.portal.account;

import com.rapport.community.member.MemberService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input gets a clear message next to the field and changes nothing.
 */
class BadInputIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void invalidUtf8AndControlCharactersAreRefused() throws Exception {
		int before = members();
		// bytes that were not UTF-8 reach the application as U+FFFD
		this.mvc
			.perform(post("/register").param("username", "bad\uFFFDname")
				.param("email", "bad@example.com")
				.param("password", "a long secret phrase")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("characters that cannot be stored")));
		this.mvc
			.perform(post("/register").param("username", "okname")
				.param("email", "ok\u0007@example.com")
				.param("password", "a long secret phrase")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("characters that cannot be stored")));
		assertThat(members()).isEqualTo(before);
	}

	@Test
	void tooLongInputIsRefusedWithAMessage() throws Exception {
		int before = members();
		this.mvc
			.perform(post("/register").param("username", "x".repeat(31))
				.param("email", "y".repeat(250) + "@example.com")
				.param("password", "a long secret phrase")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A username has 3 to 30 letters")))
			.andExpect(content().string(containsString("This is too long.")));
		assertThat(members()).isEqualTo(before);
	}

	private int members() {
		return this.jdbc.sql("SELECT COUNT(*) FROM member").query(Integer.class).single();
	}

}

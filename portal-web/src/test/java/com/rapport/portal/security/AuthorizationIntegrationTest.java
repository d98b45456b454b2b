package com.rapport.portal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/**
 * Every protected route, for every role: checked on the server, whatever the page shows.
 */
class AuthorizationIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	MemberService members;

	MockMvc mvc;

	String member;

	String moderator;

	String staff;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.member = create(Set.of());
		this.moderator = create(Set.of(Role.MODERATOR));
		this.staff = create(Set.of(Role.STAFF));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/staff", "/staff/members", "/staff/brand", "/mod", "/new-topic", "/messages",
			"/messages/new", "/messages/1", "/notifications" })
	void anAnonymousVisitorIsSentToLogin(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/staff", "/staff/members", "/staff/brand", "/mod" })
	void aMemberIsForbidden(String path) throws Exception {
		this.mvc.perform(get(path).with(user(this.member).roles("MEMBER"))).andExpect(status().isForbidden());
	}

	@Test
	void aMemberCannotGrantRolesOrChangeTheBrandEvenByPostingDirectly() throws Exception {
		long memberId = this.members.findByUsername(this.member).orElseThrow().id();
		this.mvc
			.perform(post("/staff/members/{id}/roles", memberId).param("role", "STAFF")
				.param("action", "grant")
				.with(user(this.member).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/brand").param("name", "Hacked")
				.param("accentColor", "#000000")
				.with(user(this.member).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		assertThat(this.members.findById(memberId).orElseThrow().roles()).containsExactly(Role.MEMBER);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/staff/brand").param("name", "X").with(user(this.staff).roles("STAFF")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aModeratorReachesModerationButNotTheStaffArea() throws Exception {
		this.mvc.perform(get("/mod").with(user(this.moderator).roles("MODERATOR"))).andExpect(status().isOk());
		this.mvc.perform(get("/staff").with(user(this.moderator).roles("MODERATOR"))).andExpect(status().isForbidden());
	}

	@Test
	void staffReachBothAreas() throws Exception {
		this.mvc.perform(get("/staff").with(user(this.staff).roles("STAFF"))).andExpect(status().isOk());
		this.mvc.perform(get("/mod").with(user(this.staff).roles("STAFF"))).andExpect(status().isOk());
	}

	@Test
	void aRevokedRoleStopsWorkingAtTheNextRequest() throws Exception {
		long id = this.members.findByUsername(this.moderator).orElseThrow().id();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t", null,
					AuthorityUtils.createAuthorityList("ROLE_STAFF")));
		try {
			this.members.revokeRole(id, Role.MODERATOR);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		// the session still says MODERATOR; the server reads the roles afresh
		this.mvc.perform(get("/mod").with(user(this.moderator).roles("MODERATOR"))).andExpect(status().isForbidden());
	}

	@Test
	void securityHeadersAreSent() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void errorsAreFriendlyPagesWithoutAStackTrace() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> notFound = http.send(
				HttpRequest.newBuilder(URI.create(url("/no/such/page"))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("Page not found", "Powered by Rapport")
			.doesNotContain("at com.", "Exception");

		HttpResponse<String> badTopic = http.send(
				HttpRequest.newBuilder(URI.create(url("/t/x/not-a-number"))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(badTopic.statusCode()).isEqualTo(400);
		assertThat(badTopic.body()).contains("Powered by Rapport").doesNotContain("at com.", "NumberFormatException");
	}

	private String create(Set<Role> roles) {
		String name = unique("auth");
		this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"), roles);
		return name;
	}

}

package com.rapport.portal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.community.listening.WatchTerms;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.CannedReplies;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.review.FlagReason;
import com.rapport.community.review.Flags;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.FormToken;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TopicService topics;

	@Autowired
	TopicQueries topicQueries;

	@Autowired
	CannedReplies canned;

	@Autowired
	Flags flags;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WatchTerms watchTerms;

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

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

	@Test
	void everyModerationAndStaffPageIsCheckedForEveryRole() throws Exception {
		Map<String, String> values = sampleValues();
		List<String> problems = new ArrayList<>();
		List<String> paths = routes(RequestMethod.GET);
		assertThat(paths).contains("/mod", "/mod/log", "/mod/members/{username}", "/staff", "/staff/members");
		for (String route : paths) {
			String path = fill(route, values);
			int anonymous = this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
			expect(problems, route, "anonymous", anonymous == 302, anonymous);
			expect(problems, route, "member", statusOf(path, this.member, "MEMBER") == 403,
					statusOf(path, this.member, "MEMBER"));
			int moderator = statusOf(path, this.moderator, "MODERATOR");
			expect(problems, route, "moderator",
					route.startsWith("/staff") ? moderator == 403 : allowed(route, path, moderator), moderator);
			int staff = statusOf(path, this.staff, "STAFF");
			expect(problems, route, "staff", allowed(route, path, staff), staff);
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aMemberIsRefusedEveryModerationAndStaffActionEvenWithAValidForm() throws Exception {
		Map<String, String> values = sampleValues();
		List<String> problems = new ArrayList<>();
		List<String> paths = routes(RequestMethod.POST);
		assertThat(paths).contains("/mod/topics/{id}/close", "/mod/members/{username}/sanctions", "/mod/topics/bulk");
		for (String route : paths) {
			int status = this.mvc
				.perform(post(fill(route, values)).param("reason", "x")
					.with(user(this.member).roles("MEMBER"))
					.with(FormToken.from(this.mvc)))
				.andReturn()
				.getResponse()
				.getStatus();
			expect(problems, route, "member POST", status == 403, status);
		}
		assertThat(problems).isEmpty();
	}

	private List<String> routes(RequestMethod method) {
		Set<String> paths = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(method)) {
				info.getPatternValues()
					.stream()
					.filter((p) -> p.equals("/mod") || p.startsWith("/mod/") || p.equals("/staff")
							|| p.startsWith("/staff/"))
					.forEach(paths::add);
			}
		});
		return List.copyOf(paths);
	}

	/** Real ids for the path variables of the routes, so allowed roles get a page. */
	private Map<String, String> sampleValues() {
		Viewer author = testData().member("author");
		long category = testData().category("Walk", Access.ANYONE, Access.MEMBER).id();
		TopicRef topic = this.topics.startTopic(author, new NewTopic(category, "A topic to walk", "Body"));
		long post = this.topicQueries.topic(author, topic.id(), 1).orElseThrow().posts().get(0).id();
		Viewer moderator = new Viewer(this.members.findByUsername(this.moderator).orElseThrow().id(), this.moderator,
				Set.of(Role.MEMBER, Role.MODERATOR), true);
		long cannedId = TestData.asStaff(() -> this.canned.create(moderator, unique("walk"), "Hello {member}"));
		// every page of one thing gets a thing that exists, whatever other tests created
		// before
		this.flags.flag(testData().member("flagger"), post, FlagReason.SPAM, null);
		long reviewItem = this.jdbc.sql("SELECT id FROM review_item WHERE post_id = ?")
			.param(post)
			.query(Long.class)
			.single();
		Survey survey = Detractors.survey(this.surveys);
		Detractors.answer(survey, this.responses, "walk-" + unique("r"), 2, "Too slow", Map.of());
		long followUp = this.jdbc.sql("SELECT id FROM follow_up WHERE survey_id = ?")
			.param(survey.id())
			.query(Long.class)
			.single();
		Viewer watcher = testData().member("walkstaff", Role.STAFF);
		long watchTerm = TestData.asStaff(() -> this.watchTerms.add(watcher, unique("walkterm")));
		return Map.ofEntries(Map.entry("/mod/topics/{id}", Long.toString(topic.id())),
				Map.entry("/mod/posts/{id}", Long.toString(post)),
				Map.entry("/mod/canned/{id}", Long.toString(cannedId)),
				Map.entry("/mod/review/{id}", Long.toString(reviewItem)),
				Map.entry("/staff/categories/{id}", Long.toString(category)),
				Map.entry("/staff/members/{id}", Long.toString(author.memberId())),
				Map.entry("/staff/surveys/{id}", Long.toString(survey.id())),
				Map.entry("/staff/follow-ups/{id}", Long.toString(followUp)),
				Map.entry("/staff/watch-terms/{id}", Long.toString(watchTerm)),
				Map.entry("{username}", author.username()), Map.entry("{sanctionId}", "1"));
	}

	private static String fill(String route, Map<String, String> values) {
		StringBuilder path = new StringBuilder();
		Matcher variable = VARIABLE.matcher(route);
		while (variable.find()) {
			String prefix = route.substring(0, variable.start());
			String value = values.getOrDefault(prefix + variable.group(), values.getOrDefault(variable.group(), "1"));
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString();
	}

	private static boolean known(String route) {
		Matcher variable = VARIABLE.matcher(route);
		while (variable.find()) {
			String name = variable.group(1);
			if (!name.equals("id") && !name.equals("username") && !name.equals("sanctionId")) {
				return false;
			}
		}
		return true;
	}

	/** A page the role may open: shown (200) when the sample ids fit the route. */
	private static boolean allowed(String route, String path, int status) {
		return known(route) ? status == 200 : (status != 401 && status != 403 && status < 500);
	}

	private int statusOf(String path, String username, String role) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(user(username).roles(role))).andReturn();
		return result.getResponse().getStatus();
	}

	private static void expect(List<String> problems, String route, String who, boolean ok, int status) {
		if (!ok) {
			problems.add(route + " as " + who + " → " + status);
		}
	}

	private String create(Set<Role> roles) {
		String name = unique("auth");
		this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"), roles);
		return name;
	}

}

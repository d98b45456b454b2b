package com.rapport.portal.engage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.rapport.community.member.Role;
import com.rapport.portal.support.PortalIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Engagement through the web: an anonymous page view gets a visit cookie but no session
 * and waits for no write; a notification mail's tracked link counts once and leads only
 * to the portal's own pages; staff download the daily figures as CSV.
 */
class EngagementWebIntegrationTest extends PortalIntegrationTest {

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Test";

	@Autowired
	WebApplicationContext context;

	@Autowired
	EngagementCounts counts;

	@Autowired
	MailClicks clicks;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void anAnonymousPageViewGetsNoSessionAndWritesNothingUntilTheBatch() throws Exception {
		this.counts.flush();
		LocalDate today = this.counts.today();
		long sessions = count("SELECT COUNT(*) FROM SPRING_SESSION");
		long views = total(today, Metric.PAGE_VIEW);
		long visits = total(today, Metric.VISIT);
		long multi = total(today, Metric.MULTI_PAGE_VISIT);

		MvcResult first = this.mvc.perform(get("/").header("User-Agent", BROWSER).accept("text/html"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(first.getRequest().getSession(false)).as("no HTTP session").isNull();
		assertThat(first.getResponse().getCookie("SESSION")).isNull();
		assertThat(first.getResponse().getCookie("JSESSIONID")).isNull();
		Cookie visit = first.getResponse().getCookie(VisitCookie.NAME);
		assertThat(visit).isNotNull();
		assertThat(visit.getValue()).endsWith(".1");
		assertThat(visit.getMaxAge()).isEqualTo(1800);
		assertThat(visit.isHttpOnly()).isTrue();
		assertThat(count("SELECT COUNT(*) FROM SPRING_SESSION")).isEqualTo(sessions);
		assertThat(total(today, Metric.PAGE_VIEW)).as("nothing written while the page waits").isEqualTo(views);

		MvcResult second = this.mvc.perform(get("/latest").header("User-Agent", BROWSER).cookie(visit))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(second.getResponse().getCookie(VisitCookie.NAME).getValue())
			.startsWith(visit.getValue().substring(0, 22))
			.endsWith(".2");
		MvcResult robot = this.mvc
			.perform(get("/").header("User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(robot.getResponse().getCookie(VisitCookie.NAME)).as("robots are not counted").isNull();
		assertThat(total(today, Metric.VISIT)).isEqualTo(visits);

		this.counts.flush();
		assertThat(total(today, Metric.PAGE_VIEW)).isEqualTo(views + 2);
		assertThat(total(today, Metric.VISIT)).isEqualTo(visits + 1);
		assertThat(total(today, Metric.MULTI_PAGE_VISIT)).isEqualTo(multi + 1);
	}

	@Test
	void aMailLinkCountsOnceAndLeadsOnlyToThePortalsOwnPages() throws Exception {
		LocalDate today = this.counts.today();
		long clicked = total(today, Metric.MAIL_CLICKED);
		String link = this.clicks.link(UriComponentsBuilder.fromUriString("http://localhost" + MailClicks.PATH),
				"/notifications/42", MailClicks.IMMEDIATE, this.clicks.newMailId());
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(link).build().getQueryParams();

		this.mvc.perform(follow(query, null))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/notifications/42"));
		this.mvc.perform(follow(query, null)).andExpect(status().isSeeOther());
		assertThat(total(today, Metric.MAIL_CLICKED)).as("once per mail, written with the click")
			.isEqualTo(clicked + 1);

		for (String target : new String[] { "/staff/members", "https://evil.example/", "//evil.example/x",
				"/\\evil.example", "" }) {
			this.mvc.perform(follow(query, target))
				.andExpect(status().isBadRequest())
				.andExpect(header().doesNotExist("Location"))
				.andExpect(content().string(containsString("This link cannot be followed")));
		}
		this.mvc.perform(get(MailClicks.PATH).param("u", "/notifications/42"))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Location"));
		assertThat(total(today, Metric.MAIL_CLICKED)).isEqualTo(clicked + 1);
	}

	@Test
	void staffDownloadTheDailyFiguresAsCsvAndOthersMayNot() throws Exception {
		LocalDate day1 = this.counts.today().minusDays(3);
		WorkedExample.count(this.counts, this.jdbc, day1, day1.plusDays(1), 910_000_001L);
		this.counts.flush();
		String staff = testData().member("engagestaff", Role.STAFF).username();
		String member = testData().member("engagemember").username();

		String csv = this.mvc.perform(get("/staff/engagement.csv").param("days", "7").with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo("day,page_views,visits,multi_page_visits,bounce_rate_percent,"
				+ "survey_embed_shown,survey_embed_opened,survey_embed_rate_percent,"
				+ "survey_topic_shown,survey_topic_opened,survey_topic_rate_percent,"
				+ "survey_invitation_shown,survey_invitation_opened,survey_invitation_rate_percent,"
				+ "mail_immediate_sent,mail_immediate_clicked,mail_immediate_rate_percent,"
				+ "mail_digest_sent,mail_digest_clicked,mail_digest_rate_percent");
		assertThat(lines).hasSize(8);
		assertThat(lines).contains(day1 + ",10,4,2,50.0,8,2,25.0,4,1,25.0,5,2,40.0,10,3,30.0,0,0,",
				day1.plusDays(1) + ",2,2,0,100.0,2,0,0.0,0,0,,0,0,,0,0,,0,0,");

		this.mvc.perform(get("/staff/engagement").param("days", "7").with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"engagement-daily\"")));
		this.mvc.perform(get("/staff/engagement").param("days", "abc").with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/staff/engagement.csv?days=30\"")));
		this.mvc.perform(get("/staff/scores.csv").with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("metric,week_of,value,answers,enough\r\nnps,")));
		this.mvc.perform(get("/staff/scores.csv").with(user(member).roles("MEMBER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/engagement.csv").with(user(member).roles("MEMBER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/engagement").with(user(member).roles("MODERATOR")))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder follow(
			MultiValueMap<String, String> query, String target) {
		var request = get(MailClicks.PATH);
		query.forEach((name, values) -> request.param(name, ("u".equals(name) && target != null) ? target
				: URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return request;
	}

	private long total(LocalDate day, Metric metric) {
		return this.jdbc.sql("SELECT COALESCE(SUM(total), 0) FROM engagement_day WHERE day = ? AND metric = ?")
			.params(day, metric.column())
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}

package com.rapport.portal.mod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditQuery;
import com.rapport.community.moderation.Sanctions;
import com.rapport.community.review.Appeals;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The moderation pages through the whole web stack: sanctions hold at login and on an
 * open session, stale actions change nothing, and the audit log exports what it shows.
 */
class ModerationWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	TopicQueries queries;

	@Autowired
	Sanctions sanctions;

	@Autowired
	AuditLog audit;

	@Autowired
	Appeals appeals;

	@Autowired
	CategoryService categories;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Viewer moderator;

	Viewer member;

	TopicRef topic;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.moderator = testData().member("moder", Role.MODERATOR);
		this.member = testData().member("membr");
		long category = testData().category("Moderated", Access.ANYONE, Access.MEMBER).id();
		this.topic = this.topics.startTopic(this.member, new NewTopic(category, "Please close me", "Body text"));
	}

	@Test
	void aSuspendedMemberAppealsOnceFromTheRefusedLoginWithTheirPassword() throws Exception {
		this.mvc
			.perform(post("/mod/members/{u}/sanctions", this.member.username()).param("kind", "suspend")
				.param("days", "7")
				.param("reason", "Threatening another member")
				.with(user(this.moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "mod.done.sanctioned"));
		MvcResult login = this.mvc
			.perform(post("/login").param("username", this.member.username())
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?suspended"))
			.andReturn();
		String page = this.mvc
			.perform(get("/login?suspended").session((MockHttpSession) login.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Threatening another member", "suspended until", "Appeal your suspension",
				"id=\"appeal-password\"");

		this.mvc
			.perform(post("/login/appeal").param("username", this.member.username())
				.param("password", "not the password")
				.param("statement", "I was quoting them")
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?suspended"))
			.andExpect(flash().attribute("error", "review.suspensionAppeal.badCredentials"));
		assertThat(this.appeals.sanctions(this.member)).singleElement()
			.satisfies((s) -> assertThat(s.appealable()).isTrue());

		MvcResult appealed = this.mvc
			.perform(post("/login/appeal").param("username", this.member.username())
				.param("password", TestData.PASSWORD)
				.param("statement", "I was quoting them")
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?suspended"))
			.andExpect(flash().attribute("message", "review.appeal.sent"))
			.andReturn();
		String after = this.mvc
			.perform(get("/login?suspended").session((MockHttpSession) appealed.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("Your appeal is waiting for a moderator.").doesNotContain("appeal-password");
		assertThat(this.appeals.sanctions(this.member)).singleElement().satisfies((s) -> {
			assertThat(s.appealable()).isFalse();
			assertThat(s.appealOutcome()).isEqualTo("PENDING");
		});
		assertThat(this.jdbc
			.sql("SELECT excluded_moderator_id FROM review_item WHERE kind = 'APPEAL' AND author_id = ? "
					+ "AND status = 'PENDING'")
			.param(this.member.memberId())
			.query(Long.class)
			.single()).isEqualTo(this.moderator.memberId());

		this.mvc
			.perform(post("/login/appeal").param("username", this.member.username())
				.param("password", TestData.PASSWORD)
				.param("statement", "Again")
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "review.appeal.already"));
	}

	@Test
	void archivedTopicsAndCategoriesAreMarkedInTopicListsInEveryLanguage() throws Exception {
		this.mvc
			.perform(post("/mod/topics/{id}/archive", this.topic.id()).param("reason", "Old news")
				.with(user(this.moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "mod.done.archived"));
		String slug = this.jdbc.sql("SELECT c.slug FROM category c JOIN topic t ON t.category_id = c.id WHERE t.id = ?")
			.param(this.topic.id())
			.query(String.class)
			.single();
		String open = this.topics
			.startTopic(this.member,
					new NewTopic(this.categories.findBySlug(slug, this.member).orElseThrow().id(), "Still going on",
							"Body text"))
			.slug();
		String page = this.mvc.perform(get("/c/{slug}", slug))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Still going on", "Please close me");
		assertThat(page.split("badge-archived")).hasSize(2);
		assertThat(page.substring(page.indexOf("badge-archived"))).contains("Please close me").doesNotContain(open);
		assertThat(this.mvc.perform(get("/c/{slug}", slug).param("lang", "zh_CN"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("已归档");
		assertThat(this.mvc.perform(get("/c/{slug}", slug).param("lang", "ru"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("В архиве");

		Viewer staff = testData().member("staff", Role.STAFF);
		this.jdbc.sql("UPDATE category SET archived_at = NOW(6) WHERE slug = ?").param(slug).update();
		String staffView = this.mvc.perform(get("/c/{slug}", slug).with(user(staff.username()).roles("STAFF")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(staffView.split("badge-archived")).hasSize(3);
	}

	@Test
	void closingTwiceSaysSoAndLogsOnce() throws Exception {
		for (int attempt = 0; attempt < 2; attempt++) {
			MvcResult result = this.mvc
				.perform(post("/mod/topics/{id}/close", this.topic.id()).param("reason", "Off topic")
					.with(user(this.moderator.username()).roles("MODERATOR"))
					.with(FormToken.from(this.mvc)))
				.andExpect(status().isFound())
				.andReturn();
			assertThat(result.getFlashMap().get(attempt == 0 ? "message" : "error"))
				.isEqualTo(attempt == 0 ? "mod.done.closed" : "mod.topic.alreadyClosed");
		}
		assertThat(TestData.asStaff(() -> this.audit
			.page(new AuditQuery(this.moderator.username(), "topic.close", null, null, null, null), null)
			.entries())).hasSize(1);
		assertThat(this.queries.topic(this.member, this.topic.id(), 1).orElseThrow().summary().closed()).isTrue();
	}

	@Test
	void aModeratorCannotSanctionStaff() throws Exception {
		Viewer staff = testData().member("stf", Role.STAFF);
		this.mvc
			.perform(post("/mod/members/{u}/sanctions", staff.username()).param("kind", "suspend")
				.param("days", "7")
				.param("reason", "Trying")
				.with(user(this.moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("error", "mod.member.protected"));
		assertThat(this.sanctions.isSuspended(staff.memberId())).isFalse();
	}

	@Test
	void aSuspendedMembersSessionStopsAtTheNextRequestAndLoginTellsWhy() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/notifications").session(session).with(user(this.member.username()).roles("MEMBER")))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/mod/members/{u}/sanctions", this.member.username()).param("kind", "suspend")
				.param("days", "3")
				.param("reason", "Spamming links")
				.with(user(this.moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "mod.done.sanctioned"));

		this.mvc.perform(get("/notifications").session(session).with(user(this.member.username()).roles("MEMBER")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?suspended"));
		assertThat(session.isInvalid()).isTrue();

		MvcResult login = this.mvc
			.perform(post("/login").param("username", this.member.username())
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?suspended"))
			.andReturn();
		String page = this.mvc
			.perform(get("/login?suspended").session((MockHttpSession) login.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Spamming links", "suspended until");

		this.mvc
			.perform(post("/login").param("username", this.member.username())
				.param("password", "not the password")
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aSilencedMemberIsToldWhyAndCannotReply() throws Exception {
		TestData.asStaff(() -> this.sanctions.silence(this.moderator, this.member.memberId(),
				Instant.now().plus(Duration.ofDays(2)), "Cooling off"));
		String page = this.mvc.perform(get("/latest").with(user(this.member.username()).roles("MEMBER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("silence-notice", "Cooling off");
		this.mvc
			.perform(post("/t/{id}/replies", this.topic.id()).param("body", "Can I still talk?")
				.with(user(this.member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andReturn();
		assertThat(this.queries.topic(this.member, this.topic.id(), 1).orElseThrow().posts()).hasSize(1);
	}

	@Test
	void theAuditLogExportsCsvWithAByteOrderMark() throws Exception {
		this.mvc
			.perform(post("/mod/topics/{id}/pin", this.topic.id()).param("scope", "global")
				.with(user(this.moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "mod.done.pinned"));
		MvcResult csv = this.mvc
			.perform(get("/mod/log.csv").param("actor", this.moderator.username())
				.with(user(this.moderator.username()).roles("MODERATOR")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		byte[] bytes = csv.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		assertThat(text).startsWith("id,time_utc,actor_id,actor,action,").contains("topic.pin_globally", "\r\n");
		String page = this.mvc
			.perform(get("/mod/log").param("action", "topic.pin_globally")
				.with(user(this.moderator.username()).roles("MODERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Please close me");
		this.mvc
			.perform(get("/mod/log").param("from", "not-a-date")
				.with(user(this.moderator.username()).roles("MODERATOR")))
			.andExpect(status().isOk());
	}

	@Test
	void aHiddenPostShowsItsReasonToItsAuthorOnly() throws Exception {
		int number = this.topics.reply(this.member, this.topic.id(), "A reply with a bad link", null);
		long postId = this.queries.topic(this.member, this.topic.id(), 1).orElseThrow().posts().get(number - 1).id();
		this.mvc
			.perform(post("/mod/posts/{id}/hide", postId).param("reason", "Link to malware")
				.with(user(this.moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "mod.done.hidden"));
		String path = "/t/" + this.topic.slug() + "/" + this.topic.id();
		String own = this.mvc.perform(get(path).with(user(this.member.username()).roles("MEMBER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains("Link to malware", "A reply with a bad link");
		Viewer other = testData().member("other");
		String others = this.mvc.perform(get(path).with(user(other.username()).roles("MEMBER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(others).doesNotContain("A reply with a bad link");
		assertThat(Set.of(own.length(), others.length())).hasSize(2);
	}

}

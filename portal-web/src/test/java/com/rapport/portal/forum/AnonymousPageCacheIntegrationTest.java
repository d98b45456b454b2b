package com.rapport.portal.forum;

import java.nio.charset.StandardCharsets;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.Viewer;
import com.rapport.community.search.ForumChangedElsewhere;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.ViewCounter;
import com.rapport.portal.engage.EngagementCounts;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.web.AnonymousPageCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Anonymous visitors get the public pages from memory: a page is rendered once and copied
 * until something is written through the portal (here or, through the change log, on
 * another node), while members, other languages and the topic's view count are never
 * served a stale or shared copy.
 */
class AnonymousPageCacheIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	AnonymousPageCache cache;

	@Autowired
	TopicService topics;

	@Autowired
	ViewCounter views;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EngagementCounts engagement;

	@Autowired
	Reactions reactions;

	MockMvc mvc;

	Category category;

	Viewer author;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.category = testData().category("Cached room", Access.ANYONE, Access.MEMBER);
		this.author = testData().member("cached");
		this.cache.setEnabled(true);
	}

	@AfterEach
	void tearDown() {
		this.cache.setEnabled(false);
	}

	@Test
	void anonymousVisitorsShareOneRenderingUntilAWriteThroughThePortal() throws Exception {
		start("The first lantern topic");
		String list = "/c/" + this.category.slug();
		assertThat(page(get(list))).contains("The first lantern topic");

		TopicRef second = start("A second lantern topic");
		assertThat(page(get(list))).as("the copy rendered before the topic was written")
			.doesNotContain("A second lantern topic");
		this.mvc.perform(post("/s/{key}", "no-such-survey").param("token", "x"));
		assertThat(page(get(list))).as("a survey answer changes no forum page: the copy stays")
			.doesNotContain("A second lantern topic");
		assertThat(page(get(list).with(user(this.author.username()).roles("MEMBER"))))
			.as("a member always gets a fresh page")
			.contains("A second lantern topic");

		this.mvc.perform(post("/t/{id}/replies", second.id()).param("body", "A reply written through the portal.")
			.with(user(this.author.username()).roles("MEMBER"))
			.with(FormToken.from(this.mvc)));
		assertThat(page(get(list))).as("any write through the portal drops the copies")
			.contains("A second lantern topic");
	}

	@Test
	void aTopicWithReactionsIsCopiedForVisitorsWhileMembersGetTheReactionButtons() throws Exception {
		TopicRef topic = start("A liked lantern topic");
		Viewer reader = testData().member("liking");
		long firstPost = testData().postId(topic.id(), 1);
		this.reactions.toggle(reader, firstPost, Reaction.LIKE);
		String path = "/t/" + topic.slug() + "/" + topic.id();

		String visitorPage = page(get(path));
		assertThat(visitorPage).as("the count is shown to visitors").contains("aria-label=\"Like (1)\"");
		assertThat(visitorPage).as("no form, so no CSRF token that would keep the page from being copied")
			.doesNotContain("_csrf")
			.doesNotContain("/reactions");
		this.reactions.toggle(testData().member("liking2"), firstPost, Reaction.LIKE);
		assertThat(page(get(path))).as("served from the copy").contains("aria-label=\"Like (1)\"");

		String memberPage = page(get(path).with(user(reader.username()).roles("MEMBER")));
		assertThat(memberPage).contains("aria-label=\"Like (2)\"", "name=\"reaction\"", "value=\"LIKE\"",
				"aria-pressed=\"true\"");
	}

	@Test
	void aChangeMadeThroughAnotherNodeDropsTheCopies() throws Exception {
		start("Lantern topic on this node");
		String list = "/c/" + this.category.slug();
		assertThat(page(get(list))).contains("Lantern topic on this node");
		start("Lantern topic from the other node");
		assertThat(page(get(list))).doesNotContain("Lantern topic from the other node");

		this.events.publishEvent(new ForumChangedElsewhere(1));
		assertThat(page(get(list))).contains("Lantern topic from the other node");
	}

	@Test
	void eachLanguageHasItsOwnCopy() throws Exception {
		String list = "/c/" + this.category.slug();
		assertThat(page(get(list).header("Accept-Language", "en"))).contains("lang=\"en\"");
		assertThat(page(get(list).header("Accept-Language", "ru"))).contains("lang=\"ru\"");
		assertThat(page(get(list).header("Accept-Language", "zh-CN"))).contains("lang=\"zh-CN\"");
		assertThat(page(get(list).header("Accept-Language", "en"))).contains("lang=\"en\"");
	}

	@Test
	void everyCopyOfATopicPageCountsAView() throws Exception {
		TopicRef topic = start("A much viewed lantern topic");
		this.views.flush();
		String path = "/t/" + topic.slug() + "/" + topic.id();
		for (int i = 0; i < 3; i++) {
			assertThat(page(get(path))).contains("A much viewed lantern topic");
		}
		this.views.flush();
		assertThat(this.jdbc.sql("SELECT view_count FROM topic WHERE id = ?")
			.param(topic.id())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void everyCopyCountsAPageViewAndRenewsTheVisitorsCookie() throws Exception {
		String list = "/c/" + this.category.slug();
		this.engagement.flush();
		long before = pageViews();
		for (int i = 0; i < 3; i++) {
			var response = this.mvc.perform(get(list).header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getCookie("rapport_visit")).as("visit cookie of view %d", i).isNotNull();
		}
		start("Lantern topic written behind the copy");
		assertThat(page(get(list).header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)")))
			.as("the page was copied although each view sets a visit cookie")
			.doesNotContain("Lantern topic written behind the copy");
		this.engagement.flush();
		assertThat(pageViews() - before).isEqualTo(4);
	}

	private long pageViews() {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(total), 0) FROM engagement_day WHERE day = ? AND metric = 'page_view'")
			.param(this.engagement.today())
			.query(Long.class)
			.single();
	}

	private TopicRef start(String title) {
		return this.topics.startTopic(this.author, new NewTopic(this.category.id(), title, "Body of " + title));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}

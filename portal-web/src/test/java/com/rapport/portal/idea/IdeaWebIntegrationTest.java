package com.rapport.portal.idea;

import java.nio.charset.StandardCharsets;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.idea.IdeaBoard;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
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
 * Votes and statuses through the web stack: who may do what, and what a refusal says.
 */
class IdeaWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	CategoryService categories;

	@Autowired
	TopicService topics;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	long board;

	String boardSlug;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.boardSlug = unique("ideas").toLowerCase().replace('_', '-');
		this.board = TestData.asStaff(() -> this.categories.create(new NewCategory(null, this.boardSlug, "Ideas", "",
				"#8250df", IdeaBoard.KIND, Access.ANYONE, Access.MEMBER, Access.MEMBER)));
	}

	@Test
	void aMemberCannotSetAStatus() throws Exception {
		TopicRef idea = this.topics.startTopic(testData().member("author"),
				new NewTopic(this.board, "A lighter tent for two", "Body text"));
		Viewer member = testData().member("member");

		this.mvc
			.perform(post("/mod/ideas/{id}/status", idea.id()).param("status", "PLANNED")
				.with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(
					post("/mod/ideas/{id}/status", idea.id()).param("status", "PLANNED").with(FormToken.from(this.mvc)))
			.andExpect(status().is3xxRedirection());

		assertThat(ideaStatus(idea.id())).isEqualTo("NONE");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'idea.status' AND target_id = ?")
			.param(idea.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aModeratorSetsAStatusAndAnUnknownOneIsRefused() throws Exception {
		TopicRef idea = this.topics.startTopic(testData().member("author"),
				new NewTopic(this.board, "A lighter tent for two", "Body text"));
		Viewer moderator = testData().member("mod", Role.MODERATOR);

		this.mvc
			.perform(post("/mod/ideas/{id}/status", idea.id()).param("status", "SHIPPED_YESTERDAY")
				.with(user(moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("error", "idea.statusInvalid"));
		assertThat(ideaStatus(idea.id())).isEqualTo("NONE");

		this.mvc
			.perform(post("/mod/ideas/{id}/status", idea.id()).param("status", "UNDER_REVIEW")
				.with(user(moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "idea.statusSaved"));
		assertThat(ideaStatus(idea.id())).isEqualTo("UNDER_REVIEW");
		assertThat(page(get("/c/" + this.boardSlug))).contains("Under review");
	}

	@Test
	void aVoteOutsideAnIdeaBoardIsRefusedWithItsReason() throws Exception {
		long discussion = testData().category("Talk", Access.ANYONE, Access.MEMBER).id();
		TopicRef question = this.topics.startTopic(testData().member("asker"),
				new NewTopic(discussion, "A question about boots", "Body text"));
		Viewer member = testData().member("voter");

		this.mvc
			.perform(post("/t/{id}/vote", question.id()).with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("error", "idea.notAnIdea"));

		assertThat(votes(question.id())).isZero();
		assertThat(page(get("/t/" + question.slug() + "/" + question.id()))).doesNotContain("id=\"idea-votes\"");
	}

	@Test
	void membersVoteAndVisitorsSeeTheCountWithALinkToLogIn() throws Exception {
		Viewer author = testData().member("author");
		TopicRef wanted = this.topics.startTopic(author, new NewTopic(this.board, "Wanted idea", "Body text"));
		this.topics.startTopic(author, new NewTopic(this.board, "Quiet idea", "Body text"));
		Viewer member = testData().member("voter");

		this.mvc.perform(post("/t/{id}/vote", wanted.id()).with(FormToken.from(this.mvc)))
			.andExpect(status().is3xxRedirection());
		assertThat(votes(wanted.id())).as("a visitor's vote").isZero();
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/t/{id}/vote", wanted.id()).with(user(member.username()).roles("MEMBER"))
					.with(FormToken.from(this.mvc)))
				.andExpect(status().isFound())
				.andExpect(flash().attribute("message", "idea.voted"));
		}
		assertThat(votes(wanted.id())).isEqualTo(1);

		String anonymous = page(get("/t/" + wanted.slug() + "/" + wanted.id()));
		assertThat(anonymous).contains("1 vote").contains("Log in to vote for this idea").doesNotContain("idea-vote\"");
		String mine = page(
				get("/t/" + wanted.slug() + "/" + wanted.id()).with(user(member.username()).roles("MEMBER")));
		assertThat(mine).contains("Withdraw my vote");
		String list = page(get("/c/" + this.boardSlug));
		assertThat(list.indexOf("Wanted idea")).isLessThan(list.indexOf("Quiet idea"));
		String newestFirst = page(get("/c/" + this.boardSlug).param("order", "newest"));
		assertThat(newestFirst.indexOf("Quiet idea")).as("the other orders stay available")
			.isLessThan(newestFirst.indexOf("Wanted idea"));

		this.mvc
			.perform(post("/t/{id}/unvote", wanted.id()).with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "idea.withdrawn"));
		assertThat(votes(wanted.id())).isZero();
		this.mvc
			.perform(post("/t/{id}/vote", Long.MAX_VALUE).with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isNotFound());
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String ideaStatus(long topicId) {
		return this.jdbc.sql("SELECT COALESCE(idea_status, 'NONE') FROM topic WHERE id = ?")
			.param(topicId)
			.query(String.class)
			.single();
	}

	private int votes(long topicId) {
		return this.jdbc.sql("SELECT vote_count FROM topic WHERE id = ?").param(topicId).query(Integer.class).single();
	}

}

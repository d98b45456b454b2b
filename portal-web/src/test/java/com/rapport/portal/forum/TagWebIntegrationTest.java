package com.rapport.portal.forum;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tags and similar-topic suggestions through the web stack: who may tag, the messages a
 * refused tag gives, and that no tag page, count, feed or suggestion shows a topic of a
 * category the reader cannot read.
 */
class TagWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	AcceptedAnswers answers;

	@Autowired
	Tags tags;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	long category;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.category = testData().category("Tagged", Access.ANYONE, Access.MEMBER).id();
	}

	@Test
	void aTrustedMemberStartsATaggedTopicAndTheTagListsIt() throws Exception {
		Viewer member = trusted("tagger", 2);
		String tag = tagName("stove");

		String location = this.mvc
			.perform(post("/new-topic").param("categoryId", Long.toString(this.category))
				.param("title", "Which stove for winter?")
				.param("body", "Gas or petrol?")
				.param("tags", tag.toUpperCase(Locale.ROOT) + ", Winter Camping")
				.with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		String topicPage = page(get(location).with(user(member.username()).roles("MEMBER")));
		assertThat(topicPage).contains("href=\"/tag/" + tag + "\"").contains("href=\"/tag/winter-camping\"");
		assertThat(page(get("/tag/" + tag))).contains("Which stove for winter?").contains("Topics tagged " + tag);
		assertThat(page(get("/tags"))).contains(tag);
		assertThat(page(get("/tag/" + tag + ".atom"))).contains("Which stove for winter?");
		assertThat(page(get("/latest"))).contains("href=\"/tag/" + tag + "\"");
		assertThat(page(get("/search").param("q", "winter tag:" + tag))).contains("Which stove for winter?");
	}

	@Test
	void aNewMemberIsToldThatOnlyTrustedMembersCreateTagsAndNoTopicIsMade() throws Exception {
		Viewer member = trusted("newbie", 0);

		String form = this.mvc
			.perform(post("/new-topic").param("categoryId", Long.toString(this.category))
				.param("title", "A title with a new tag")
				.param("body", "Some body text")
				.param("tags", tagName("invented"))
				.with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(form).contains("Only trusted members and moderators can create new tags")
			.contains("A title with a new tag");
		assertThat(topicCount()).isZero();
	}

	@Test
	void tooManyOrBadTagsAreRefusedWithTheLimit() throws Exception {
		Viewer member = trusted("many", 2);

		assertThat(newTopicForm(member, "a1, a2, a3, a4, a5, a6")).contains("A topic can have at most 5 tags.");
		assertThat(newTopicForm(member, "c++")).contains("A tag can contain only letters, digits and dashes.");
		assertThat(newTopicForm(member, "x".repeat(31))).contains("A tag can have at most 30 characters.");
		assertThat(topicCount()).isZero();
	}

	@Test
	void noTagPageShowsATopicOfACategoryTheReaderCannotRead() throws Exception {
		Viewer staff = testData().member("staffer", Role.STAFF, Role.MODERATOR);
		long secret = testData().category("Staff room", Access.STAFF, Access.STAFF).id();
		String tag = tagName("secretive");
		this.tags.startTopic(staff, new NewTopic(secret, "Confidential roadmap", "Body text"), tag);
		this.tags.startTopic(staff, new NewTopic(this.category, "Public roadmap", "Body text"), tag);
		Viewer member = testData().member("reader");

		for (String path : new String[] { "/tag/" + tag, "/tag/" + tag + "?order=top", "/tag/" + tag + ".atom",
				"/tags" }) {
			assertThat(page(get(path))).as(path).doesNotContain("Confidential roadmap");
			assertThat(page(get(path).with(user(member.username()).roles("MEMBER")))).as(path)
				.doesNotContain("Confidential roadmap");
		}
		assertThat(page(get("/tag/" + tag))).contains("Public roadmap");
		assertThat(page(get("/tag/" + tag).with(user(staff.username()).roles("STAFF", "MODERATOR"))))
			.contains("Confidential roadmap");
		assertThat(page(get("/tags"))).containsPattern(tag + "</a>\\s*<span class=\"count\">1 topic</span>");
		this.mvc.perform(get("/tag/" + tagName("nosuch"))).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAuthorOrAModeratorChangesTags() throws Exception {
		Viewer author = trusted("author", 2);
		String tag = tagName("original");
		TopicRef topic = this.tags.startTopic(author, new NewTopic(this.category, "Retag this topic", "Body"), tag);
		Viewer other = trusted("other", 2);

		this.mvc
			.perform(post("/t/{id}/tags", topic.id()).param("tags", "vandal")
				.with(user(other.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/t/{id}/tags", topic.id()).param("tags", "vandal").with(FormToken.from(this.mvc)))
			.andExpect(status().isFound());
		assertThat(this.tags.of(topic.id())).containsExactly(tag);

		Viewer moderator = testData().member("tagmod", Role.MODERATOR);
		String added = tagName("curated");
		this.mvc
			.perform(post("/t/{id}/tags", topic.id()).param("tags", tag + ", " + added)
				.with(user(moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "tags.saved"));
		assertThat(this.tags.of(topic.id())).containsExactlyInAnyOrder(tag, added);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'topic.tags' AND target_id = ? AND actor_id = ?")
			.params(topic.id(), moderator.memberId())
			.query(Integer.class)
			.single()).isEqualTo(1);

		this.mvc
			.perform(post("/t/{id}/tags", topic.id()).param("tags", "a, b, c, d, e, f")
				.with(user(author.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("tagError", "tags.tooMany"));
		assertThat(this.tags.of(topic.id())).containsExactlyInAnyOrder(tag, added);
	}

	@Test
	void suggestionsPutSolvedTopicsFirstAndHideUnreadableOnes() throws Exception {
		String word = unique("qx").replace("_", "").toLowerCase(Locale.ROOT);
		Viewer author = testData().member("asker");
		Viewer staff = testData().member("stf", Role.STAFF);
		long secret = testData().category("Hidden", Access.STAFF, Access.STAFF).id();
		this.topics.startTopic(author, new NewTopic(this.category, word + " sleeping bag zipper stuck", "Help"));
		TopicRef solved = this.topics.startTopic(author,
				new NewTopic(this.category, word + " zipper of my sleeping bag", "Help"));
		int reply = this.topics.reply(staff, solved.id(), "Use some wax.", null);
		this.answers.accept(author, testData().postId(solved.id(), reply));
		this.topics.startTopic(staff, new NewTopic(secret, word + " sleeping bag zipper recall", "Internal"));
		Viewer member = testData().member("typist");

		String fragment = page(get("/topics/similar").param("title", word + " sleeping bag zipper")
			.with(user(member.username()).roles("MEMBER")));

		assertThat(fragment).contains("Similar topics")
			.contains(word + " zipper of my sleeping bag")
			.contains(word + " sleeping bag zipper stuck")
			.doesNotContain("recall")
			.doesNotContain("<html");
		assertThat(fragment.indexOf("zipper of my sleeping bag"))
			.isLessThan(fragment.indexOf("sleeping bag zipper stuck"));
		assertThat(page(get("/topics/similar").param("title", "bag").with(user(member.username()).roles("MEMBER"))))
			.doesNotContain("Similar topics");
		this.mvc.perform(get("/topics/similar").param("title", word + " sleeping bag"))
			.andExpect(status().is3xxRedirection());
	}

	private String newTopicForm(Viewer member, String tags) throws Exception {
		return this.mvc
			.perform(post("/new-topic").param("categoryId", Long.toString(this.category))
				.param("title", "A topic with bad tags")
				.param("body", "Some body text")
				.param("tags", tags)
				.with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Viewer trusted(String prefix, int level) {
		Viewer member = testData().member(prefix);
		this.jdbc.sql("UPDATE member SET trust_level = ? WHERE id = ?").params(level, member.memberId()).update();
		return member;
	}

	private int topicCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM topic WHERE category_id = ?")
			.param(this.category)
			.query(Integer.class)
			.single();
	}

	private static String tagName(String prefix) {
		return unique(prefix).toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

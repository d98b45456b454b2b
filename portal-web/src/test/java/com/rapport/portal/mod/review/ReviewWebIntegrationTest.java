package com.rapport.portal.mod.review;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.FlagReason;
import com.rapport.community.review.Flags;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review pages on the server: who may reach them, and what a stale action does.
 */
class ReviewWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	Flags flags;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/mod/review", "/mod/review/quality", "/mod/review/1", "/staff/watched-words",
			"/staff/moderation" })
	void aMemberWhoGuessesAReviewUrlIsForbidden(String path) throws Exception {
		Viewer member = testData().member("guess");
		this.mvc.perform(get(path).with(user(member.username()).roles("MEMBER"))).andExpect(status().isForbidden());
	}

	@Test
	void aMemberCannotDecideOrChangeSettingsByPostingDirectly() throws Exception {
		Viewer member = testData().member("poster");
		long itemId = flaggedItem();
		this.mvc
			.perform(post("/mod/review/{id}/decide", itemId).param("decision", "APPROVE")
				.with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/watched-words").param("pattern", "anything")
				.param("action", "BLOCK")
				.with(user(member.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		assertThat(itemStatus(itemId)).isEqualTo("PENDING");
	}

	@Test
	void aModeratorReadsTheQueueButStaffAloneKeepTheWatchedWords() throws Exception {
		Viewer moderator = testData().member("mod", Role.MODERATOR);
		long itemId = flaggedItem();
		this.mvc.perform(get("/mod/review").with(user(moderator.username()).roles("MODERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("item-" + itemId)));
		this.mvc.perform(get("/mod/review/{id}", itemId).with(user(moderator.username()).roles("MODERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1.00")));
		this.mvc.perform(get("/staff/watched-words").with(user(moderator.username()).roles("MODERATOR")))
			.andExpect(status().isForbidden());
	}

	@Test
	void approvingAnItemSomeoneAlreadyRejectedSaysSoAndChangesNothing() throws Exception {
		Viewer first = testData().member("first", Role.MODERATOR);
		Viewer second = testData().member("second", Role.MODERATOR);
		long itemId = flaggedItem();
		this.mvc
			.perform(post("/mod/review/{id}/decide", itemId).param("decision", "REJECT")
				.with(user(first.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/mod/review"));
		long postId = this.jdbc.sql("SELECT post_id FROM review_item WHERE id = ?")
			.param(itemId)
			.query(Long.class)
			.single();

		this.mvc
			.perform(post("/mod/review/{id}/decide", itemId).param("decision", "APPROVE")
				.with(user(second.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/mod/review/" + itemId))
			.andExpect(flash().attribute("reviewError", "review.alreadyDecided"))
			.andExpect(flash().attribute("reviewErrorBy", first.username()));

		assertThat(itemStatus(itemId)).isEqualTo("REJECTED");
		assertThat(this.jdbc.sql("SELECT deleted_at IS NOT NULL FROM post WHERE id = ?")
			.param(postId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aMemberFlagsAPostThroughTheForm() throws Exception {
		Viewer author = testData().member("author");
		Viewer flagger = testData().member("flagger");
		Category category = testData().category("Flags", Access.ANYONE, Access.MEMBER);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Flag me through a form", "Text"));
		long postId = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ?")
			.param(ref.id())
			.query(Long.class)
			.single();
		this.mvc.perform(get("/p/{id}/flag", postId).with(user(flagger.username()).roles("MEMBER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reason-SPAM")));
		this.mvc
			.perform(post("/p/{id}/flag", postId).param("reason", "OTHER")
				.param("note", "")
				.with(user(flagger.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("note-error")));
		this.mvc
			.perform(post("/p/{id}/flag", postId).param("reason", "SPAM")
				.with(user(flagger.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/p/" + postId))
			.andExpect(flash().attribute("message", "review.flag.thanks"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM post_flag WHERE post_id = ?")
			.param(postId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staffKeepWatchedWordsAndTryAThresholdBeforeSavingIt() throws Exception {
		Viewer staff = testData().member("staff", Role.STAFF);
		String word = unique("w").toLowerCase();
		this.mvc
			.perform(post("/staff/watched-words").param("pattern", word + "*")
				.param("action", "FLAG")
				.with(user(staff.username()).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/staff/watched-words"));
		this.mvc
			.perform(post("/staff/watched-words").param("pattern", "a*b")
				.param("action", "FLAG")
				.with(user(staff.username()).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("notice-error")));
		this.mvc.perform(get("/staff/watched-words").with(user(staff.username()).roles("STAFF")))
			.andExpect(content().string(containsString(word + "*")));
		this.jdbc.sql("DELETE FROM watched_word WHERE pattern = ?").param(word + "*").update();
		this.mvc
			.perform(get("/staff/moderation").param("tryThreshold", "150").with(user(staff.username()).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("trial-result")));
		this.mvc
			.perform(post("/staff/moderation").param("FLAG_THRESHOLD", "0")
				.with(user(staff.username()).roles("STAFF"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("field-error")));
		this.mvc.perform(get("/mod/review/quality").with(user(staff.username()).roles("STAFF")))
			.andExpect(status().isOk());
	}

	@Test
	void aMemberSeesTheirModeratedPostsWithTheReasons() throws Exception {
		Viewer member = testData().member("member");
		this.mvc.perform(get("/moderation").with(user(member.username()).roles("MEMBER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1")));
	}

	@Test
	void aNewMembersReplyAwaitsApprovalAndNobodyElseSeesIt() throws Exception {
		Viewer regular = testData().member("regular");
		Viewer newcomer = testData().member("newcomer");
		Category category = testData().category("Welcome", Access.ANYONE, Access.MEMBER);
		TopicRef ref = this.topics.startTopic(regular, new NewTopic(category.id(), "Say hello here", "Welcome!"));
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-approvals', 5, NOW())")
			.update();
		try {
			this.mvc
				.perform(post("/t/{id}/replies", ref.id()).param("body", "Hello from a brand new member")
					.with(user(newcomer.username()).roles("MEMBER"))
					.with(FormToken.from(this.mvc)))
				.andExpect(redirectedUrl("/t/" + ref.slug() + "/" + ref.id()))
				.andExpect(flash().attribute("message", "review.awaitingApproval"));
		}
		finally {
			this.jdbc.sql("DELETE FROM review_setting WHERE name = 'new-member-approvals'").update();
		}
		this.mvc.perform(get("/t/{slug}/{id}", ref.slug(), ref.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Hello from a brand new member"))));
		this.mvc.perform(get("/moderation").with(user(newcomer.username()).roles("MEMBER")))
			.andExpect(content().string(containsString("Hello from a brand new member")));
	}

	@Test
	void aPostHiddenByFlagsTellsItsAuthorWhyAndOthersOnlyThatItIsHiddenPendingReview() throws Exception {
		Viewer author = testData().member("author");
		Viewer reader = testData().member("reader");
		Viewer moderator = testData().member("mod", Role.MODERATOR);
		Category category = testData().category("Hidden", Access.ANYONE, Access.MEMBER);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "A topic with a reply", "Start"));
		this.topics.reply(author, ref.id(), "Buy my miracle pills now", null);
		long postId = testData().postId(ref.id(), 2);
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('flag-threshold', 10, NOW())")
			.update();
		try {
			assertThat(this.flags.flag(testData().member("flagger"), postId, FlagReason.SPAM, null)).isTrue();
		}
		finally {
			this.jdbc.sql("DELETE FROM review_setting WHERE name = 'flag-threshold'").update();
		}

		for (var request : java.util.List.of(get("/t/{slug}/{id}", ref.slug(), ref.id()),
				get("/t/{slug}/{id}", ref.slug(), ref.id()).with(user(reader.username()).roles("MEMBER")))) {
			this.mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Hidden pending review")))
				.andExpect(content().string(not(containsString("miracle pills"))))
				.andExpect(content().string(not(containsString("flagged as spam"))));
		}
		for (Viewer insider : java.util.List.of(author, moderator)) {
			this.mvc
				.perform(get("/t/{slug}/{id}", ref.slug(), ref.id())
					.with(user(insider.username()).roles(insider.isModerator() ? "MODERATOR" : "MEMBER")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("miracle pills")))
				.andExpect(content().string(containsString("members flagged this post")))
				.andExpect(content().string(containsString("flagged as spam")))
				.andExpect(content().string(not(containsString("post-appeal-" + postId))));
		}
	}

	@Test
	void aPostAModeratorHidDirectlyCanBeAppealedOnceFromThePostAndTheModerationPage() throws Exception {
		Viewer author = testData().member("author");
		Viewer moderator = testData().member("hider", Role.MODERATOR);
		Category category = testData().category("Direct", Access.ANYONE, Access.MEMBER);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Hidden by hand", "Start"));
		this.topics.reply(author, ref.id(), "A heated but honest reply", null);
		long postId = testData().postId(ref.id(), 2);
		this.mvc
			.perform(post("/mod/posts/{id}/hide", postId).param("reason", "Personal attack on another member")
				.with(user(moderator.username()).roles("MODERATOR"))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isFound());

		this.mvc.perform(get("/moderation").with(user(author.username()).roles("MEMBER")))
			.andExpect(content().string(containsString("Personal attack on another member")))
			.andExpect(content().string(containsString("/moderation/")))
			.andExpect(content().string(containsString("Hidden by a moderator")));
		this.mvc.perform(get("/t/{slug}/{id}", ref.slug(), ref.id()).with(user(author.username()).roles("MEMBER")))
			.andExpect(content().string(containsString("Personal attack on another member")))
			.andExpect(content().string(containsString("post-appeal-" + postId)));
		this.mvc.perform(get("/t/{slug}/{id}", ref.slug(), ref.id()))
			.andExpect(content().string(not(containsString("heated but honest"))));

		this.mvc
			.perform(post("/moderation/posts/{id}/appeal", postId)
				.param("statement", "I criticised an idea, not a person")
				.with(user(author.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/p/" + postId))
			.andExpect(flash().attribute("message", "review.appeal.sent"));
		this.mvc
			.perform(post("/moderation/posts/{id}/appeal", postId).param("statement", "Again")
				.with(user(author.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "review.appeal.already"));
		this.mvc.perform(get("/t/{slug}/{id}", ref.slug(), ref.id()).with(user(author.username()).roles("MEMBER")))
			.andExpect(content().string(containsString("Your appeal is waiting for a moderator.")))
			.andExpect(content().string(not(containsString("post-appeal-" + postId))));
		assertThat(this.jdbc
			.sql("SELECT excluded_moderator_id FROM review_item WHERE kind = 'APPEAL' AND author_id = ? "
					+ "AND status = 'PENDING'")
			.param(author.memberId())
			.query(Long.class)
			.single()).isEqualTo(moderator.memberId());
		Viewer stranger = testData().member("stranger");
		this.mvc
			.perform(post("/moderation/posts/{id}/appeal", postId).param("statement", "Not mine")
				.with(user(stranger.username()).roles("MEMBER"))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "review.appeal.nothingToAppeal"));
	}

	@Test
	void anEditWithAWatchedWordRequiringApprovalWaitsAndThePostKeepsItsText() throws Exception {
		Viewer author = testData().member("editor");
		Category category = testData().category("Edits", Access.ANYONE, Access.MEMBER);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Edited through the form", "Plain"));
		long postId = testData().postId(ref.id(), 1);
		String word = unique("hold").toLowerCase();
		this.jdbc.sql("INSERT INTO watched_word (pattern, action, created_at) VALUES (?, 'REQUIRE_APPROVAL', NOW())")
			.param(word)
			.update();
		try {
			this.mvc
				.perform(post("/p/{id}/edit", postId).param("title", "Edited through the form")
					.param("body", "Now with " + word + " inside")
					.param("version", "0")
					.with(user(author.username()).roles("MEMBER"))
					.with(FormToken.from(this.mvc)))
				.andExpect(redirectedUrl("/t/" + ref.slug() + "/" + ref.id()))
				.andExpect(flash().attribute("message", "review.editAwaitingApproval"));
		}
		finally {
			this.jdbc.sql("DELETE FROM watched_word WHERE pattern = ?").param(word).update();
		}
		assertThat(this.jdbc.sql("SELECT raw FROM post WHERE id = ?").param(postId).query(String.class).single())
			.isEqualTo("Plain");
		this.mvc.perform(get("/moderation").with(user(author.username()).roles("MEMBER")))
			.andExpect(content().string(containsString("edit of a published post")));
	}

	private long flaggedItem() {
		Viewer author = testData().member("author");
		Category category = testData().category("Review", Access.ANYONE, Access.MEMBER);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Something to review", "Text"));
		long postId = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ?")
			.param(ref.id())
			.query(Long.class)
			.single();
		this.flags.flag(testData().member("flagger"), postId, FlagReason.SPAM, null);
		return this.jdbc.sql("SELECT id FROM review_item WHERE post_id = ? AND status = 'PENDING'")
			.param(postId)
			.query(Long.class)
			.single();
	}

	private String itemStatus(long itemId) {
		return this.jdbc.sql("SELECT status FROM review_item WHERE id = ?").param(itemId).query(String.class).single();
	}

}

package com.rapport.portal.account;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.message.Conversations;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.response.MemberRespondents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member deletes their own account: personal data is erased, posts stay under a "former
 * member" name or are removed as staff chose, and the account cannot log in.
 */
class AccountDeletionIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	Conversations conversations;

	@Autowired
	MemberRespondents respondents;

	@Autowired
	AccountDeletion deletion;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Category category;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.category = testData().category("Goodbyes", Access.ANYONE, Access.MEMBER);
	}

	@Test
	void personalDataIsErasedPostsStayUnderAFormerMemberNameAndLoginStops() throws Exception {
		Viewer leaving = testData().member("leaving");
		Viewer friend = testData().member("friend");
		TopicRef topic = this.topics.startTopic(leaving,
				new NewTopic(this.category.id(), "My trip report", "Lovely hike."));
		this.topics.reply(friend, topic.id(), "Thanks @" + leaving.username(), null);
		this.conversations.start(friend, leaving.username(), "Private hello", "My phone is 555-0100");
		this.jdbc.sql("UPDATE member SET bio = 'I live in Springfield', display_name = 'Lee Ving' WHERE id = ?")
			.param(leaving.memberId())
			.update();
		this.respondents.hashFor(leaving.memberId());

		this.mvc.perform(get("/account/delete").with(user(leaving.username()).roles("MEMBER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("under an anonymous")));
		this.mvc
			.perform(post("/account/delete").with(user(leaving.username()).roles("MEMBER"))
				.param("password", "not my password")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The password is not correct.")));
		assertThat(username(leaving)).isEqualTo(leaving.username());

		this.mvc
			.perform(post("/account/delete").with(user(leaving.username()).roles("MEMBER"))
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/"));

		String former = username(leaving);
		assertThat(former).startsWith("former_");
		assertThat(this.jdbc
			.sql("SELECT CONCAT(email, '|', COALESCE(bio, ''), '|', COALESCE(display_name, '')) "
					+ "FROM member WHERE id = ?")
			.param(leaving.memberId())
			.query(String.class)
			.single()).doesNotContain(leaving.username()).doesNotContain("Springfield").doesNotContain("Lee Ving");
		for (String table : new String[] { "notification", "conversation_member", "topic_member", "member_role",
				"member_token" }) {
			assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?", leaving.memberId())).as(table)
				.isZero();
		}
		assertThat(count("SELECT COUNT(*) FROM message WHERE author_id = ?", leaving.memberId())).isZero();
		assertThat(count("SELECT COUNT(*) FROM survey_member_respondent WHERE member_id = ?", leaving.memberId()))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM post WHERE author_id = ? AND deleted_at IS NULL", leaving.memberId()))
			.as("posts stay (the staff setting is KEEP)")
			.isEqualTo(1);
		this.mvc.perform(get("/t/{slug}/{id}", topic.slug(), topic.id()))
			.andExpect(content().string(containsString(former)))
			.andExpect(content().string(containsString("Lovely hike.")));
		assertThat(
				this.jdbc.sql("SELECT actor_username FROM audit_log WHERE action = 'member.delete' AND target_id = ?")
					.param(leaving.memberId())
					.query(String.class)
					.single())
			.isEqualTo(former);

		this.mvc
			.perform(post("/login").param("username", leaving.username())
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/login").param("username", former)
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void staffCanHaveTheirPostsRemovedInstead() throws Exception {
		Viewer staff = testData().member("settingsstaff", Role.STAFF);
		this.mvc
			.perform(post("/staff/member-settings").with(user(staff.username()).roles("STAFF"))
				.param("welcomeSequence", "true")
				.param("welcomeByMail", "true")
				.param("deletedPosts", "REMOVE")
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/staff/member-settings"));
		try {
			Viewer leaving = testData().member("removed");
			TopicRef topic = this.topics.startTopic(leaving,
					new NewTopic(this.category.id(), "Soon gone", "This goes with me."));
			this.mvc
				.perform(post("/account/delete").with(user(leaving.username()).roles("MEMBER"))
					.param("password", TestData.PASSWORD)
					.with(FormToken.from(this.mvc)))
				.andExpect(redirectedUrl("/"));
			assertThat(
					count("SELECT COUNT(*) FROM post WHERE author_id = ? AND deleted_at IS NULL", leaving.memberId()))
				.isZero();
			this.mvc.perform(get("/t/{slug}/{id}", topic.slug(), topic.id())).andExpect(status().isNotFound());
		}
		finally {
			this.mvc
				.perform(post("/staff/member-settings").with(user(staff.username()).roles("STAFF"))
					.param("welcomeSequence", "true")
					.param("welcomeByMail", "true")
					.param("deletedPosts", "KEEP")
					.with(FormToken.from(this.mvc)))
				.andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void theLastStaffMemberCannotDeleteTheirAccount() throws Exception {
		Viewer staff = testData().member("laststaff", Role.STAFF);
		Viewer member = testData().member("notstaff");
		this.mvc
			.perform(post("/staff/member-settings").with(user(member.username()).roles("MEMBER"))
				.param("deletedPosts", "REMOVE")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		// make them the only staff member for the length of a transaction that is rolled
		// back
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.jdbc.sql("DELETE FROM member_role WHERE role IN ('STAFF', 'MODERATOR') AND member_id <> ?")
				.param(staff.memberId())
				.update();
			assertThatThrownBy(() -> this.deletion.delete(staff, TestData.PASSWORD))
				.isInstanceOfSatisfying(RejectedException.class, (rejected) -> assertThat(rejected.fieldErrors())
					.containsEntry("password", "account.delete.lastStaff"));
		});
		assertThat(username(staff)).isEqualTo(staff.username());
	}

	private String username(Viewer member) {
		return this.jdbc.sql("SELECT username FROM member WHERE id = ?")
			.param(member.memberId())
			.query(String.class)
			.single();
	}

	private int count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Integer.class).single();
	}

}

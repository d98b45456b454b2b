package com.rapport.portal.demo;

import com.rapport.community.category.CategoryService;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveyStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo brand loads once with what the README promises. The shared test context runs
 * without the demo profile, so the loader is created here by hand.
 */
class DemoDataIntegrationTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MemberService members;

	@Autowired
	CategoryService categories;

	@Autowired
	SurveyService surveys;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsTheOutdoorShopOnceWithItsAccountsTopicsAndSurvey() throws Exception {
		DemoData demo = this.context.getAutowireCapableBeanFactory().createBean(DemoData.class);
		demo.run(null);
		int topicCount = this.jdbc.sql("SELECT COUNT(*) FROM topic").query(Integer.class).single();
		demo.run(null);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM topic").query(Integer.class).single())
			.as("a second start adds nothing")
			.isEqualTo(topicCount);

		assertThat(this.members.findAccount("staff").orElseThrow().roles()).contains(Role.STAFF);
		assertThat(this.members.findAccount("moderator").orElseThrow().roles()).contains(Role.MODERATOR)
			.doesNotContain(Role.STAFF);
		assertThat(this.members.findAccount("member").orElseThrow().roles()).containsExactly(Role.MEMBER);
		for (String name : new String[] { "staff", "moderator", "member" }) {
			assertThat(this.encoder.matches(DemoData.PASSWORD,
					this.members.findAccount(name).orElseThrow().passwordHash()))
				.isTrue();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM member WHERE email LIKE '%@demo.rapport.invalid'")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(30);

		assertThat(this.categories.visibleTo(Viewer.ANONYMOUS)).hasSizeGreaterThanOrEqualTo(5);
		// the demo's own topics (other tests add topics of their own to the shared
		// database)
		var titles = this.jdbc
			.sql("SELECT t.title FROM topic t JOIN member m ON m.id = t.author_id "
					+ "WHERE m.email LIKE '%@demo.rapport.invalid' AND t.deleted_at IS NULL")
			.query(String.class)
			.list();
		assertThat(titles).anyMatch((t) -> t.contains("帐篷"))
			.anyMatch((t) -> t.contains("Палатка"))
			.anyMatch((t) -> t.contains("tent"));

		// the idea board: ideas with votes, most of them with a status
		var ideas = this.jdbc.sql("""
				SELECT t.vote_count, t.idea_status FROM topic t JOIN category c ON c.id = t.category_id
				WHERE c.slug = 'ideas' AND c.kind = 'IDEAS' AND t.deleted_at IS NULL
				""").query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) }).list();
		assertThat(ideas).hasSizeGreaterThanOrEqualTo(4)
			.allMatch((idea) -> (Integer) idea[0] > 0)
			.anyMatch((idea) -> "PLANNED".equals(idea[1]));
		// the demo topics carry tags
		assertThat(this.jdbc.sql("""
				SELECT COUNT(DISTINCT tt.topic_id) FROM topic_tag tt JOIN topic t ON t.id = tt.topic_id
				JOIN member m ON m.id = t.author_id WHERE m.email LIKE '%@demo.rapport.invalid'
				""").query(Integer.class).single()).isGreaterThanOrEqualTo(10);

		var survey = this.surveys.findByKey("demo-nps").orElseThrow();
		assertThat(survey.status()).isEqualTo(SurveyStatus.PUBLISHED);
		assertThat(survey.questions().get(0).type()).isEqualTo(QuestionType.NPS);
		assertThat(survey.questions().get(0).prompt(java.util.Locale.SIMPLIFIED_CHINESE)).contains("推荐");
	}

}

package com.rapport.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version started against a database of the first release migrates it without
 * losing data. The first release shipped V1 to V3 (members, forums, surveys); the
 * database is built with exactly those, filled as that release would have, then migrated
 * to the newest version in a fresh schema of the test's embedded server.
 */
@SpringBootTest(classes = MigrationsIntegrationTest.App.class, properties = "rapport.db.embedded.ephemeral=true")
class UpgradeFromFirstReleaseIntegrationTest {

	private static final String FIRST_RELEASE = "3";

	@Autowired
	EmbeddedMariaDb server;

	@Test
	void dataOfTheFirstReleaseSurvivesTheMigrationToTheNewestVersion() throws SQLException {
		DriverManagerDataSource dataSource = freshSchema("upgrade_first_release");
		Flyway.configure().dataSource(dataSource).target(FIRST_RELEASE).load().migrate();
		JdbcClient old = JdbcClient.create(dataSource);
		fillAsTheFirstReleaseDid(old);

		var result = Flyway.configure().dataSource(dataSource).load().migrate();

		assertThat(result.success).isTrue();
		assertThat(MigrationVersion.fromVersion(result.targetSchemaVersion))
			.isGreaterThan(MigrationVersion.fromVersion(FIRST_RELEASE));
		JdbcClient upgraded = JdbcClient.create(dataSource);
		assertThat(upgraded.sql("SELECT username, email, display_name FROM member ORDER BY id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("anna anna@example.com Анна", "li li@example.com 李雷");
		assertThat(upgraded.sql("SELECT m.username, r.role FROM member_role r JOIN member m ON m.id = r.member_id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactlyInAnyOrder("anna MEMBER", "anna STAFF", "li MEMBER");
		assertThat(upgraded.sql("SELECT slug, name, topic_count, post_count FROM category")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4))
			.list()).containsExactly("tents 帐篷 Tents 1 2");
		assertThat(upgraded.sql("SELECT title, slug, reply_count FROM topic")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
			.list()).containsExactly("Does it leak? 🏕️ Протекает? does-it-leak 1");
		assertThat(upgraded
			.sql("SELECT p.post_number, m.username, p.raw FROM post p JOIN member m ON m.id = p.author_id "
					+ "ORDER BY p.post_number")
			.query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("1 anna My tent leaks in heavy rain 🌧️", "2 li 帐篷在大雨中会漏水吗？");
		assertThat(upgraded
			.sql("SELECT s.survey_key, q.prompt_en, q.prompt_ru FROM survey s "
					+ "JOIN survey_question q ON q.survey_id = s.id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("nps How likely are you to recommend us? Порекомендуете ли вы нас?");
		assertThat(
				upgraded.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0").query(Long.class).single())
			.isZero();
	}

	@Test
	void postsAModeratorHidBeforeDecisionsWereRecordedBecomeAppealableDecisions() throws SQLException {
		DriverManagerDataSource dataSource = freshSchema("upgrade_hidden_posts");
		Flyway.configure().dataSource(dataSource).target("17").load().migrate();
		JdbcClient old = JdbcClient.create(dataSource);
		fillAsTheFirstReleaseDid(old);
		old.sql("UPDATE post SET hidden_at = NOW(6), hidden_by = 1, hidden_reason = 'Advert' WHERE post_number = 2")
			.update();

		Flyway.configure().dataSource(dataSource).load().migrate();

		JdbcClient upgraded = JdbcClient.create(dataSource);
		assertThat(upgraded.sql("""
				SELECT i.kind, i.status, i.author_id, i.category_id, i.decided_by, i.decision, i.decision_note
				FROM review_item i JOIN post p ON p.id = i.post_id WHERE p.post_number = 2
				""")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
					+ rs.getLong(5) + " " + rs.getString(6) + " " + rs.getString(7))
			.list()).containsExactly("MODERATOR HIDDEN 2 1 1 HIDE Advert");
		long postId = upgraded.sql("SELECT id FROM post WHERE post_number = 2").query(Long.class).single();
		for (long decision = 1; decision <= 2; decision++) {
			upgraded.sql("""
					INSERT INTO appeal (member_id, subject, subject_id, decision_item_id, statement, created_at)
					VALUES (2, 'POST', ?, ?, 'Not an advert', NOW(6))
					""").params(postId, decision).update();
		}
		assertThat(upgraded.sql("SELECT COUNT(*) FROM appeal").query(Long.class).single()).isEqualTo(2);
	}

	private DriverManagerDataSource freshSchema(String name) throws SQLException {
		String url = this.server.jdbcUrl().replaceFirst("/[A-Za-z0-9_]+\\?", "/" + name + "?");
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "root", "");
		try (Connection connection = new DriverManagerDataSource(this.server.jdbcUrl(), "root", "").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		return dataSource;
	}

	private static void fillAsTheFirstReleaseDid(JdbcClient db) {
		db.sql("""
				INSERT INTO member (id, username, email, display_name, password_hash, email_verified_at, created_at)
				VALUES (1, 'anna', 'anna@example.com', 'Анна', '{bcrypt}x', NOW(6), NOW(6)),
				       (2, 'li', 'li@example.com', '李雷', '{bcrypt}y', NOW(6), NOW(6))
				""").update();
		db.sql("""
				INSERT INTO member_role (member_id, role, granted_at)
				VALUES (1, 'MEMBER', NOW(6)), (1, 'STAFF', NOW(6)), (2, 'MEMBER', NOW(6))
				""").update();
		db.sql("""
				INSERT INTO category (id, slug, name, topic_count, post_count, created_at)
				VALUES (1, 'tents', '帐篷 Tents', 1, 2, NOW(6))
				""").update();
		db.sql("""
				INSERT INTO topic (id, category_id, author_id, title, slug, created_at, last_posted_at, last_poster_id,
				                   reply_count)
				VALUES (1, 1, 1, 'Does it leak? 🏕️ Протекает?', 'does-it-leak', NOW(6), NOW(6), 2, 1)
				""").update();
		db.sql("""
				INSERT INTO post (topic_id, post_number, author_id, raw, cooked, created_at)
				VALUES (1, 1, 1, 'My tent leaks in heavy rain 🌧️', '<p>My tent leaks in heavy rain 🌧️</p>', NOW(6)),
				       (1, 2, 2, '帐篷在大雨中会漏水吗？', '<p>帐篷在大雨中会漏水吗？</p>', NOW(6))
				""").update();
		db.sql("INSERT INTO survey (id, survey_key, name, status, created_at) VALUES (1, 'nps', 'NPS', 'PUBLISHED', NOW(6))")
			.update();
		db.sql("""
				INSERT INTO survey_question (survey_id, survey_version, position, question_type, prompt_en, prompt_ru)
				VALUES (1, 1, 1, 'NPS', 'How likely are you to recommend us?', 'Порекомендуете ли вы нас?')
				""").update();
	}

}

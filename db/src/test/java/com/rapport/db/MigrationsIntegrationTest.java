package com.rapport.db;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = MigrationsIntegrationTest.App.class, properties = "rapport.db.embedded.ephemeral=true")
class MigrationsIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTableIsInnoDbWithUtf8mb4AndACaseInsensitiveCollation() {
		var tables = this.jdbc
			.sql("SELECT table_name, engine, table_collation FROM information_schema.tables "
					+ "WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'")
			.query((rs, n) -> rs.getString(2) + " " + rs.getString(3))
			.list();
		assertThat(tables).isNotEmpty().allMatch((t) -> t.equals("InnoDB utf8mb4_unicode_ci"));
	}

	@Test
	void usernamesAndEmailsAreUniqueRegardlessOfCase() {
		insertMember("Anna", "anna@example.com");
		assertThatThrownBy(() -> insertMember("ANNA", "other@example.com")).isInstanceOf(DuplicateKeyException.class);
		assertThatThrownBy(() -> insertMember("anna2", "ANNA@Example.com")).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void storesTextInAnyLanguageIncludingFourByteCharacters() {
		String name = "帐篷 палатка 🏕️";
		insertMember("emoji", "emoji@example.com");
		this.jdbc.sql("UPDATE member SET bio = ? WHERE username = 'emoji'").param(name).update();
		assertThat(this.jdbc.sql("SELECT bio FROM member WHERE username = 'emoji'").query(String.class).single())
			.isEqualTo(name);
	}

	private void insertMember(String username, String email) {
		this.jdbc.sql("INSERT INTO member (username, email, password_hash, created_at) VALUES (?, ?, 'x', NOW(6))")
			.params(username, email)
			.update();
	}

	@SpringBootApplication
	static class App {

	}

}

package com.rapport.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration that fails stops the application with a message an operator can act on. The
 * failing start-up runs against a fresh schema of the test's embedded server.
 */
@SpringBootTest(classes = MigrationsIntegrationTest.App.class, properties = "rapport.db.embedded.ephemeral=true")
@ExtendWith(OutputCaptureExtension.class)
class MigrationFailureIntegrationTest {

	@Autowired
	EmbeddedMariaDb server;

	@Test
	void aFailedMigrationStopsTheStartWithAClearMessage(CapturedOutput output) throws SQLException {
		String url = this.server.jdbcUrl().replaceFirst("/[A-Za-z0-9_]+\\?", "/broken_upgrade?");
		try (Connection connection = new DriverManagerDataSource(this.server.jdbcUrl(), "root", "").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS broken_upgrade");
			statement.execute("CREATE DATABASE broken_upgrade CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}

		assertThatThrownBy(
				() -> new SpringApplicationBuilder(MigrationsIntegrationTest.App.class).web(WebApplicationType.NONE)
					.properties("spring.datasource.url=" + url, "spring.datasource.username=root",
							"spring.datasource.password=", "spring.flyway.locations=classpath:broken-migration")
					.run())
			.satisfies((failure) -> assertThat(new MigrationFailureAnalyzer().analyze(failure)).isNotNull());

		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
				"The database schema could not be migrated to this version of Rapport", "V1__broken.sql",
				"table_that_does_not_exist", "restore the backup taken before the upgrade");
	}

}

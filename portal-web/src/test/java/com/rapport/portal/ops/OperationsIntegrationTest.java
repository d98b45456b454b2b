package com.rapport.portal.ops;

import java.net.http.HttpResponse;

import javax.sql.DataSource;

import com.rapport.community.member.Role;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer, a Prometheus server and an operator see of a running portal.
 */
class OperationsIntegrationTest extends PortalIntegrationTest {

	// the scrape token PortalIntegrationTest configures
	private static final String TOKEN = "Bearer test-scrape-token-0123456789";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MigrationsHealthIndicator migrations;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness" })
	void loadBalancersReadProbesAnonymouslyAndLearnOnlyUpOrDown(String probe) {
		HttpResponse<String> response = visitor().get(probe);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env",
			"/actuator/metrics", "/actuator/beans", "/actuator/health/db" })
	void nothingElseIsShownAnonymouslyOrWithAWrongToken(String path) {
		assertThat(visitor().get(path).statusCode()).isEqualTo(401);
		assertThat(visitor().get(path, "Authorization", "Bearer not-the-token-0123456789").statusCode()).isEqualTo(401);
	}

	@Test
	void prometheusScrapesWithTheTokenAndFindsEveryDocumentedMetric() {
		HttpVisitor visitor = visitor();
		visitor.get("/login");
		HttpResponse<String> scrape = visitor.get("/actuator/prometheus", "Authorization", TOKEN);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("http_server_requests_seconds_count{", "uri=\"/login\"",
				"http_server_requests_seconds_bucket{", "jvm_memory_used_bytes{", "hikaricp_connections_active{",
				"rapport_review_queue_size{", "rapport_outbox_backlog{", "outbox=\"mail\"", "outbox=\"webhook\"",
				"rapport_outbox_abandoned{", "rapport_mail_queued_total{", "rapport_mail_sent_total{",
				"rapport_mail_failed_total{");
		assertThat(scrape.headers().firstValue("Set-Cookie")).as("a scrape creates no session").isEmpty();
	}

	@Test
	void staffSeeHealthDetailsAndMetricsInTheirBrowserSession() {
		var staff = testData().member("ops_staff", Role.STAFF, Role.MODERATOR);
		HttpVisitor visitor = visitor();
		visitor.login(staff.username(), TestData.PASSWORD);
		HttpResponse<String> health = visitor.get("/actuator/health/readiness");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"db\"", "\"migrations\"", "\"readinessState\"", "\"shipped\"");
		assertThat(visitor.get("/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	@Test
	void membersAndModeratorsAreRefused() {
		for (Role[] roles : new Role[][] { {}, { Role.MODERATOR } }) {
			var someone = testData().member("ops_member", roles);
			HttpVisitor visitor = visitor();
			visitor.login(someone.username(), TestData.PASSWORD);
			assertThat(visitor.get("/actuator/prometheus").statusCode()).isEqualTo(403);
			assertThat(visitor.get("/actuator/health").statusCode()).isEqualTo(403);
			assertThat(visitor.get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void migrationsAreUpWhenEveryShippedMigrationIsApplied() {
		assertThat(this.migrations.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void readinessIsDownWhileAShippedMigrationIsPending() {
		// a newer portal started against this database before its migration ran
		Flyway newer = Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration", "classpath:ops/pending")
			.load();
		var health = new MigrationsHealthIndicator(newer, this.jdbc).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("shipped", "999");
	}

	@Test
	void readinessIsDownWhileTheDatabaseIsUnreachable() {
		var nowhere = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:mysql://127.0.0.1:1/rapport?connectTimeout=500", "root", "");
		Flyway flyway = Flyway.configure().dataSource(this.dataSource).load();
		var indicator = new MigrationsHealthIndicator(flyway, JdbcClient.create(nowhere));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	private HttpVisitor visitor() {
		return new HttpVisitor(url(""));
	}

}

package com.rapport.portal.ops;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readiness of the schema: DOWN while a migration this version of the portal ships has
 * not been applied (another node is still migrating, or the database was restored from an
 * older backup) or when a migration failed, UP otherwise. The newest version shipped is
 * read once from the classpath; each check is then one small query on Flyway's history
 * table, so a load balancer may ask every few seconds.
 */
class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Flyway flyway;

	private final JdbcClient jdbc;

	private volatile MigrationVersion shipped;

	MigrationsHealthIndicator(Flyway flyway, JdbcClient jdbc) {
		super("Migrations check failed");
		this.flyway = flyway;
		this.jdbc = jdbc;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		String table = this.flyway.getConfiguration().getTable();
		if (!table.matches("[A-Za-z0-9_]{1,64}")) {
			health.down().withDetail("error", "unexpected Flyway table name");
			return;
		}
		List<Applied> applied = this.jdbc.sql("SELECT version, success FROM " + table + " WHERE version IS NOT NULL")
			.query((rs, n) -> new Applied(MigrationVersion.fromVersion(rs.getString(1)), rs.getBoolean(2)))
			.list();
		List<String> failed = applied.stream()
			.filter((migration) -> !migration.success())
			.map((migration) -> migration.version().getVersion())
			.toList();
		if (!failed.isEmpty()) {
			health.down().withDetail("failed", failed);
			return;
		}
		// read once, after the probe's query showed the database answers
		MigrationVersion latest = shipped();
		MigrationVersion current = applied.stream()
			.map(Applied::version)
			.max(MigrationVersion::compareTo)
			.orElse(MigrationVersion.EMPTY);
		health.status((current.compareTo(latest) >= 0) ? Status.UP : Status.DOWN)
			.withDetail("applied", String.valueOf(current.getVersion()))
			.withDetail("shipped", String.valueOf(latest.getVersion()));
	}

	private MigrationVersion shipped() {
		MigrationVersion known = this.shipped;
		if (known == null) {
			known = Arrays.stream(this.flyway.info().all())
				.filter((info) -> info.getState().isResolved() && info.getVersion() != null)
				.map(MigrationInfo::getVersion)
				.max(MigrationVersion::compareTo)
				.orElse(MigrationVersion.EMPTY);
			this.shipped = known;
		}
		return known;
	}

	private record Applied(MigrationVersion version, boolean success) {
	}

}

package com.rapport.portal.ops;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code db} health check, part of readiness: a query through the
 * {@link DatabaseProbe}, so it answers DOWN within about a second while the database is
 * unreachable.
 */
class DatabaseHealthIndicator extends AbstractHealthIndicator {

	private final JdbcClient probe;

	DatabaseHealthIndicator(JdbcClient probe) {
		super("Database check failed");
		this.probe = probe;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		String version = this.probe.sql("SELECT VERSION()").query(String.class).single();
		health.up().withDetail("version", version).withDetail("validationQuery", "SELECT VERSION()");
	}

}

package com.rapport.db;

import org.flywaydb.core.api.FlywayException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in plain words why the portal stopped when Flyway could not bring the schema to
 * this version, and what to do. Spring Boot runs the migrations before anything serves a
 * request, so a failed migration stops the start-up instead of serving a half-migrated
 * schema.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<FlywayException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlywayException cause) {
		String description = "The database schema could not be migrated to this version of Rapport, so the "
				+ "portal did not start and serves nothing. Flyway reported:\n\n" + cause.getMessage();
		String action = """
				MySQL and MariaDB cannot roll back schema changes, so a migration that failed half-way may have \
				left some of its changes behind. Find the failed migration in the error above and in the \
				flyway_schema_history table (success = 0). Then either restore the backup taken before the \
				upgrade (README, Operations, Backups) and start again, or undo that migration's partial \
				changes by hand, delete its flyway_schema_history row and start again. If the database was \
				migrated by a newer version of Rapport than this one ("applied migration not resolved \
				locally"), run that newer version instead.""";
		return new FailureAnalysis(description, action, cause);
	}

}

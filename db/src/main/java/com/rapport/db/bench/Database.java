package com.rapport.db.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens connections set up for bulk loading: autocommit off, and unique and foreign-key
 * checks off for the session (the generator writes consistent data, so the checks would
 * only slow it down); both are switched back on before the connection is closed.
 */
final class Database {

	private static final String BULK_SESSION = "SET SESSION unique_checks = 0, foreign_key_checks = 0";

	private static final String NORMAL_SESSION = "SET SESSION unique_checks = 1, foreign_key_checks = 1";

	private final String url;

	private final Properties credentials = new Properties();

	Database(String url, String user, String password) {
		this.url = withBatchRewriting(url);
		this.credentials.setProperty("user", user);
		this.credentials.setProperty("password", password);
	}

	String url() {
		return this.url;
	}

	Properties credentials() {
		Properties copy = new Properties();
		copy.putAll(this.credentials);
		return copy;
	}

	/**
	 * Connector/J turns a batch into multi-row INSERTs only with
	 * rewriteBatchedStatements.
	 * @param url the URL given
	 * @return the URL with the settings the generator relies on
	 */
	static String withBatchRewriting(String url) {
		StringBuilder result = new StringBuilder(url);
		char separator = url.contains("?") ? '&' : '?';
		if (!url.contains("rewriteBatchedStatements=")) {
			result.append(separator).append("rewriteBatchedStatements=true");
			separator = '&';
		}
		if (!url.contains("characterEncoding=")) {
			result.append(separator).append("characterEncoding=UTF-8");
		}
		return result.toString();
	}

	Connection open() throws SQLException {
		return DriverManager.getConnection(this.url, this.credentials);
	}

	/**
	 * Runs work on a fresh bulk-loading connection and commits what is left.
	 * @param work what to do
	 * @param <T> the result type
	 * @return the work's result
	 * @throws SQLException if the work or the connection fails
	 */
	<T> T inBulkSession(SqlWork<T> work) throws SQLException {
		try (Connection connection = open()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(BULK_SESSION);
			}
			T result = work.run(connection);
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				statement.execute(NORMAL_SESSION);
			}
			return result;
		}
	}

	/**
	 * Work done on one connection.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface SqlWork<T> {

		T run(Connection connection) throws SQLException;

	}

}

package com.rapport.portal.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection the health checks use: a pool of its own with one connection and short
 * timeouts (connect, validation, socket), so a readiness probe answers DOWN within about
 * a second while the database is unreachable, instead of waiting for the application
 * pool's connection timeout like a request would. After a failed connection it answers
 * "unreachable" at once for a moment, so the checks of one probe do not each wait.
 */
final class DatabaseProbe extends DelegatingDataSource implements AutoCloseable {

	/** How long the probe waits for a connection (the pool's minimum is 250 ms). */
	static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(400);

	/** How long a statement of the probe may take once connected. */
	static final Duration SOCKET_TIMEOUT = Duration.ofMillis(800);

	private static final long REMEMBER_FAILURE_NANOS = Duration.ofSeconds(1).toNanos();

	private final HikariDataSource pool;

	private volatile long unreachableUntil = System.nanoTime();

	private DatabaseProbe(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
	}

	/**
	 * A probe to a database.
	 * @param jdbcUrl the JDBC URL
	 * @param username the user
	 * @param password the password
	 * @param driverClassName the driver, or null to find it from the URL
	 * @param driverProperties the application pool's driver properties
	 * @return the probe (close it when the application stops)
	 */
	static DatabaseProbe to(String jdbcUrl, String username, String password, String driverClassName,
			Properties driverProperties) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("rapport-health");
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(username);
		config.setPassword(password);
		if (driverClassName != null) {
			config.setDriverClassName(driverClassName);
		}
		Properties properties = new Properties();
		properties.putAll(driverProperties);
		// MySQL Connector/J: a server that does not answer (stopped, a network that drops
		// packets) fails the connect and every read within these
		properties.setProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toMillis()));
		properties.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toMillis()));
		config.setDataSourceProperties(properties);
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(1);
		config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
		config.setValidationTimeout(250);
		// the portal starts (and reports DOWN) while the database is away
		config.setInitializationFailTimeout(-1);
		return new DatabaseProbe(new HikariDataSource(config));
	}

	/**
	 * A probe to the same database as the application's pool.
	 * @param application the application's pool
	 * @return the probe
	 */
	static DatabaseProbe like(HikariDataSource application) {
		return to(application.getJdbcUrl(), application.getUsername(), application.getPassword(),
				application.getDriverClassName(), application.getDataSourceProperties());
	}

	/**
	 * The probe for a data source: its own short-timeout pool when the application's is a
	 * Hikari pool, else the data source itself.
	 * @param dataSource the application's data source
	 * @return what the health checks connect through
	 */
	static DataSource forApplication(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
				if (hikari.getJdbcUrl() != null) {
					return like(hikari);
				}
			}
		}
		catch (SQLException ex) {
			// not a pool the probe can copy: the checks use the data source itself
		}
		return dataSource;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (System.nanoTime() - this.unreachableUntil < 0) {
			throw new SQLTransientConnectionException("database unreachable (checked less than a second ago)");
		}
		try {
			return super.getConnection();
		}
		catch (SQLException ex) {
			this.unreachableUntil = System.nanoTime() + REMEMBER_FAILURE_NANOS;
			throw ex;
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

}

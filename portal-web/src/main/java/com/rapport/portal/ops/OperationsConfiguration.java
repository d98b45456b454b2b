package com.rapport.portal.ops;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The health contributors of the portal itself: the database ({@code db}, in place of
 * Spring Boot's) and the schema ({@code migrations}), both through a connection with
 * short timeouts; Spring Boot adds the application's availability states.
 */
@Configuration
class OperationsConfiguration {

	/**
	 * The connection of the health checks: a small pool of its own with short timeouts
	 * (see {@link DatabaseProbe}).
	 */
	@Bean
	HealthProbe healthProbe(DataSource dataSource) {
		DataSource probe = DatabaseProbe.forApplication(dataSource);
		return new HealthProbe(JdbcClient.create(probe), (probe instanceof DatabaseProbe pool) ? pool : null);
	}

	/**
	 * The {@code db} health contributor, part of readiness, in place of Spring Boot's
	 * (which waits for the application pool's connection timeout).
	 */
	@Bean
	DatabaseHealthIndicator dbHealthIndicator(HealthProbe probe) {
		return new DatabaseHealthIndicator(probe.jdbc());
	}

	/**
	 * The {@code migrations} health contributor, part of readiness.
	 */
	@Bean
	MigrationsHealthIndicator migrationsHealthIndicator(ObjectProvider<Flyway> flyway, DataSource dataSource,
			HealthProbe probe, @Value("${spring.flyway.locations:classpath:db/migration}") String[] locations) {
		// with Flyway switched off on this node (another one migrates), the shipped
		// migrations are still read, so readiness waits for them
		Flyway reader = flyway
			.getIfAvailable(() -> Flyway.configure().dataSource(dataSource).locations(locations).load());
		return new MigrationsHealthIndicator(reader, probe.jdbc());
	}

	/**
	 * The health checks' connection (not a {@link DataSource} bean, which would make the
	 * application's ambiguous); its pool closes when the application stops.
	 *
	 * @param jdbc the checks' queries
	 * @param pool the pool of its own, or null when the checks use the application's
	 */
	record HealthProbe(JdbcClient jdbc, AutoCloseable pool) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			if (this.pool != null) {
				this.pool.close();
			}
		}

	}

}

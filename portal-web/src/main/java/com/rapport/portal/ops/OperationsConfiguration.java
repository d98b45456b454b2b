package com.rapport.portal.ops;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The health contributors of the portal itself; Spring Boot adds the database's
 * ({@code db}) and the application's availability states.
 */
@Configuration
class OperationsConfiguration {

	/**
	 * The {@code migrations} health contributor, part of readiness.
	 */
	@Bean
	MigrationsHealthIndicator migrationsHealthIndicator(ObjectProvider<Flyway> flyway, DataSource dataSource,
			JdbcClient jdbc, @Value("${spring.flyway.locations:classpath:db/migration}") String[] locations) {
		// with Flyway switched off on this node (another one migrates), the shipped
		// migrations are still read, so readiness waits for them
		Flyway reader = flyway
			.getIfAvailable(() -> Flyway.configure().dataSource(dataSource).locations(locations).load());
		return new MigrationsHealthIndicator(reader, jdbc);
	}

}

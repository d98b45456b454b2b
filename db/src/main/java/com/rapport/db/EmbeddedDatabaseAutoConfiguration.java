package com.rapport.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts an embedded MariaDB and provides the {@link DataSource} when no
 * {@code spring.datasource.url} is configured, so the portal runs with no setup. With a
 * URL set, this configuration backs off and Spring Boot connects to that server.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
		return EmbeddedMariaDb.start(properties);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedMariaDb server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("rapport-embedded");
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername("root");
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(20);
		// as spring.datasource.hikari.connection-timeout for an external server: while
		// the
		// database is away a request fails after 5 s instead of hanging for 30
		dataSource.setConnectionTimeout(5000);
		return dataSource;
	}

}

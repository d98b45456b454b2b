package com.rapport.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MariaDB server used when {@code spring.datasource.url} is not
 * set.
 *
 * @param dataDir where the server keeps its data between runs
 * @param ephemeral when true, a fresh temporary data directory is used and deleted on
 * shutdown (tests)
 * @param database the schema name created inside the server
 * @param port the loopback port the server listens on; 0 (the default) picks a free one.
 * A fixed port lets a second portal node on the same machine use this server
 * ({@code bench/two-nodes.sh}).
 */
@ConfigurationProperties("rapport.db.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, boolean ephemeral, String database, int port) {

	public EmbeddedDatabaseProperties {
		if (dataDir == null) {
			dataDir = Path.of("data", "db");
		}
		if (database == null || database.isBlank()) {
			database = "rapport";
		}
	}

}

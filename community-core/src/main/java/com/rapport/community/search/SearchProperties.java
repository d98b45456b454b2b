package com.rapport.community.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search index.
 *
 * @param indexDir where this node keeps its index; unset means {@code data/search-index},
 * or a temporary directory when the index or the embedded database is ephemeral
 * @param ephemeral when true and no directory is set, a fresh temporary index is used and
 * deleted on shutdown (tests)
 * @param rebuild when true, the index is rebuilt from the database during start-up (the
 * portal already answers meanwhile)
 */
@ConfigurationProperties("rapport.search")
record SearchProperties(Path indexDir, boolean ephemeral, boolean rebuild) {

	static final Path DEFAULT_DIR = Path.of("data", "search-index");

	boolean hasIndexDir() {
		return this.indexDir != null && !this.indexDir.toString().isBlank();
	}

}

package com.rapport.community.search;

import java.io.IOException;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens this node's search index. Tests, which run on a throw-away embedded database
 * ({@code rapport.db.embedded.ephemeral=true}), get a throw-away index as well.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

	@Bean(destroyMethod = "close")
	LuceneSearchIndex searchIndex(SearchProperties properties,
			@Value("${rapport.db.embedded.ephemeral:false}") boolean databaseEphemeral) throws IOException {
		if (properties.hasIndexDir()) {
			return LuceneSearchIndex.open(properties.indexDir(), false);
		}
		if (properties.ephemeral() || databaseEphemeral) {
			return LuceneSearchIndex.open(Files.createTempDirectory("rapport-search"), true);
		}
		log.info("Search index in {}", SearchProperties.DEFAULT_DIR.toAbsolutePath());
		return LuceneSearchIndex.open(SearchProperties.DEFAULT_DIR, false);
	}

}

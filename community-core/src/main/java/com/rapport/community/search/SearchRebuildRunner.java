package com.rapport.community.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index at start-up when asked to with
 * {@code --rapport.search.rebuild=true}; the application then goes on as usual.
 */
@Component
class SearchRebuildRunner implements ApplicationRunner {

	private final SearchProperties properties;

	private final SearchIndexer indexer;

	SearchRebuildRunner(SearchProperties properties, SearchIndexer indexer) {
		this.properties = properties;
		this.indexer = indexer;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.rebuild()) {
			this.indexer.rebuild();
		}
	}

}

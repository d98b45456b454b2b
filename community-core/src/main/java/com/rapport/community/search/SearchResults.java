package com.rapport.community.search;

import java.util.List;

/**
 * A page of search results, best first.
 *
 * @param hits the topics found on this page
 * @param page this page, from 1
 * @param pageCount how many pages can be shown, at most {@link SearchQuery#MAX_PAGES}
 * @param topicCount how many topics were found, counted up to
 * {@link SearchQuery#MAX_PAGES} pages of them
 * @param more whether more topics match than were counted
 */
public record SearchResults(List<SearchHit> hits, int page, int pageCount, int topicCount, boolean more) {

	/** No search, or nothing found. */
	public static final SearchResults NONE = new SearchResults(List.of(), 1, 0, 0, false);

	public SearchResults {
		hits = List.copyOf(hits);
	}

	public boolean isEmpty() {
		return this.hits.isEmpty();
	}

}

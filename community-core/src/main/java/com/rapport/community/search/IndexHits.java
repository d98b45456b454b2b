package com.rapport.community.search;

import java.util.List;

/**
 * What the index found: the best post of each topic on the requested slice, and how many
 * topics matched.
 *
 * @param hits the best post of each topic, best first
 * @param topicCount how many topics matched, counted up to the query's {@code maxTopics}
 * @param more whether more topics may match than were counted
 */
record IndexHits(List<Hit> hits, int topicCount, boolean more) {

	static final IndexHits NONE = new IndexHits(List.of(), 0, false);

	IndexHits {
		hits = List.copyOf(hits);
	}

	/**
	 * The best matching post of a topic.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 * @param snippet HTML excerpt with the matches in {@code <mark>}, the rest escaped
	 */
	record Hit(long postId, long topicId, String snippet) {
	}

}

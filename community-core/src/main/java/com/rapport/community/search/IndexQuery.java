package com.rapport.community.search;

import java.time.Instant;
import java.util.Set;

/**
 * A search as the index runs it: the reader's words, the filters already resolved (the
 * categories the reader may read, narrowed to the one chosen) and the slice of topics
 * wanted.
 *
 * @param text the words and quoted phrases
 * @param categoryIds only posts in these categories; never empty
 * @param author only posts by this username (any case), or null
 * @param from only posts written at or after this instant, or null
 * @param until only posts written before this instant, or null
 * @param solvedOnly only topics with an accepted answer
 * @param tag only topics with this tag (normalised), or null; with a tag the text may be
 * blank
 * @param offset how many topics to skip
 * @param limit how many topics to return
 * @param maxTopics how many topics to find at most; the slice lies within them
 */
record IndexQuery(String text, Set<Long> categoryIds, String author, Instant from, Instant until, boolean solvedOnly,
		String tag, int offset, int limit, int maxTopics) {

	IndexQuery {
		categoryIds = Set.copyOf(categoryIds);
	}

}

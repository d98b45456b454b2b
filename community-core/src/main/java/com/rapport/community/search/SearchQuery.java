package com.rapport.community.search;

import java.time.LocalDate;

/**
 * What a reader searches for.
 *
 * @param text the words, {@code "quoted phrases"} allowed; at most {@link #MAX_LENGTH}
 * characters
 * @param categorySlug only this category and its subcategories, or null for all the
 * reader may read
 * @param author only posts by this username, or null
 * @param from only posts written on or after this day (UTC), or null
 * @param to only posts written on or before this day (UTC), or null
 * @param solvedOnly only topics with an accepted answer
 * @param page the page of results, from 1
 */
public record SearchQuery(String text, String categorySlug, String author, LocalDate from, LocalDate to,
		boolean solvedOnly, int page) {

	/** The longest query text, in characters. */
	public static final int MAX_LENGTH = 200;

	/** Topics per page of results. */
	public static final int PAGE_SIZE = 20;

	/** Results go this many pages deep; a reader who needs more refines the query. */
	public static final int MAX_PAGES = 10;

	/**
	 * A search for some words, with no filter.
	 * @param text the words
	 * @return the first page of that search
	 */
	public static SearchQuery of(String text) {
		return new SearchQuery(text, null, null, null, null, false, 1);
	}

}

package com.rapport.community.search;

import java.time.Instant;
import java.util.List;

/**
 * A post as the search index holds it: what is matched (title and text) and what results
 * are filtered and ordered by.
 *
 * @param postId the post
 * @param topicId its topic
 * @param postNumber its place in the topic
 * @param categoryId the topic's category
 * @param author the author's username
 * @param createdAt when it was written
 * @param solved whether the topic has an accepted answer
 * @param title the topic's title
 * @param text the post as plain text, as readers see it
 * @param tags the topic's tags
 */
record IndexedPost(long postId, long topicId, int postNumber, long categoryId, String author, Instant createdAt,
		boolean solved, String title, String text, List<String> tags) {

	IndexedPost {
		tags = List.copyOf(tags);
	}

}

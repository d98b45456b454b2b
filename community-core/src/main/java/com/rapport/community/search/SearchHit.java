package com.rapport.community.search;

import java.time.Instant;

/**
 * One topic found, with the post that matched best.
 *
 * @param topicId the topic
 * @param topicSlug the topic's URL name
 * @param topicTitle the topic's title
 * @param postNumber the best matching post's place in the topic
 * @param topicPage the page of the topic that shows this post
 * @param categorySlug the topic's category
 * @param categoryName the category's name
 * @param author who wrote the post
 * @param postedAt when the post was written
 * @param solved whether the topic has an accepted answer
 * @param snippet HTML: an excerpt of the post with the matched words in {@code <mark>};
 * everything else in it is escaped text
 */
public record SearchHit(long topicId, String topicSlug, String topicTitle, int postNumber, int topicPage,
		String categorySlug, String categoryName, String author, Instant postedAt, boolean solved, String snippet) {
}

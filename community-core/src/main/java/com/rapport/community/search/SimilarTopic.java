package com.rapport.community.search;

/**
 * A topic whose title resembles one being typed.
 *
 * @param topicId the topic
 * @param slug its URL name
 * @param title its title
 * @param categoryName its category's name
 * @param replyCount its replies
 * @param solved whether a reply was accepted as the answer
 */
public record SimilarTopic(long topicId, String slug, String title, String categoryName, int replyCount,
		boolean solved) {
}

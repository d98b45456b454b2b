package com.rapport.community.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One line of the review queue.
 *
 * @param id the item
 * @param kind why it is in the queue
 * @param reasons the reasons, as codes ("flag:SPAM", "word:…", "spam:links",
 * "new-member", "hidden-by-flags", "appeal:POST")
 * @param score the flag score
 * @param priority the sort key (higher first)
 * @param author whose post or appeal
 * @param categoryName the category, or null
 * @param topicTitle the topic, or the title of a held new topic, or null
 * @param excerpt the start of the text
 * @param createdAt when it entered the queue
 * @param claimedBy who claimed it, or null
 */
public record ReviewItemSummary(long id, ReviewKind kind, List<String> reasons, BigDecimal score, int priority,
		String author, String categoryName, String topicTitle, String excerpt, Instant createdAt, String claimedBy) {

	public ReviewItemSummary {
		reasons = List.copyOf(reasons);
	}

	/**
	 * @return the cursor of the page that follows this item
	 */
	public String cursor() {
		return this.priority + "_" + this.id;
	}

}

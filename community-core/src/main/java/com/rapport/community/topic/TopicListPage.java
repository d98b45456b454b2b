package com.rapport.community.topic;

import java.util.List;

/**
 * A page of a topic list and the cursor of the next page.
 *
 * @param topics the topics, pinned ones first on the first page
 * @param nextCursor opaque cursor for the following page, or null on the last page
 */
public record TopicListPage(List<TopicSummary> topics, String nextCursor) {

	public TopicListPage {
		topics = List.copyOf(topics);
	}

}

package com.rapport.community.topic;

import java.util.List;

import com.rapport.community.category.Category;

/**
 * A topic page: the topic, its category, one page of its posts, and what the viewer may
 * do.
 *
 * @param summary the topic
 * @param category its category
 * @param posts the posts of this page, in order
 * @param page the page number, from 1
 * @param pageCount how many pages there are
 * @param canReply whether the viewer may reply
 * @param acceptedAnswer the reply accepted as the answer, or null
 */
public record TopicView(TopicSummary summary, Category category, List<PostView> posts, int page, int pageCount,
		boolean canReply, PostView acceptedAnswer) {

	public TopicView {
		posts = List.copyOf(posts);
	}

}

package com.rapport.community.notification;

import com.rapport.community.topic.TopicQueries;

/**
 * What a topic list shows a member about a topic they follow or have not seen.
 *
 * @param isNew the member has never opened the topic and it started recently
 * @param unread posts after the last one the member read, counted for tracked and watched
 * topics
 * @param firstUnread the number of the first post the member has not read
 */
public record ReadMarker(boolean isNew, int unread, int firstUnread) {

	/**
	 * The page of the topic that shows the first unread post.
	 * @return the page number, from 1
	 */
	public int firstUnreadPage() {
		return (this.firstUnread - 1) / TopicQueries.POSTS_PER_PAGE + 1;
	}

}

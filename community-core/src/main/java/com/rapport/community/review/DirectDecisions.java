package com.rapport.community.review;

import com.rapport.community.moderation.PostHiddenByModerator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a post a moderator hid directly (from the post, not the queue) as a decided
 * review item, in the moderator's transaction: its author sees the decision with the
 * reason on their moderation page and on the post, and can appeal it once, to another
 * moderator, like a decision taken in the queue.
 */
@Component
class DirectDecisions {

	private final ReviewItems items;

	DirectDecisions(ReviewItems items) {
		this.items = items;
	}

	@EventListener
	void hidden(PostHiddenByModerator hidden) {
		this.items.decidedOutsideQueue(hidden.postId(), hidden.authorId(), hidden.categoryId(), hidden.topicId(),
				Decision.HIDE, hidden.moderatorId(), hidden.reason());
	}

}

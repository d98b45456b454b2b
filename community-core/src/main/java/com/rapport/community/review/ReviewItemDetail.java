package com.rapport.community.review;

import java.time.Instant;
import java.util.List;

/**
 * A review item with what a moderator needs to decide.
 *
 * @param summary the queue line
 * @param status PENDING, APPROVED, REJECTED, HIDDEN or IGNORED
 * @param version the item's version
 * @param postId the published post, or null
 * @param topicId the topic, or null
 * @param topicSlug the topic's slug, or null
 * @param postNumber the post's number, or null
 * @param postHidden whether the post is hidden from readers
 * @param raw the text (Markdown)
 * @param html the text as readers would see it
 * @param flags the flags with their weights
 * @param appealStatement the member's statement, for an appeal
 * @param appealedDecision the decision appealed ("POST_HIDDEN", "POST_REJECTED", ...), or
 * null
 * @param decidedBy who decided, or null
 * @param decidedAt when, or null
 * @param decisionNote the moderator's note, or null
 * @param mayDecide whether the viewer may act on it now
 * @param whyNot the message key saying why not, or null
 */
public record ReviewItemDetail(ReviewItemSummary summary, String status, int version, Long postId, Long topicId,
		String topicSlug, Integer postNumber, boolean postHidden, String raw, String html, List<Flags.FlagView> flags,
		String appealStatement, String appealedDecision, String decidedBy, Instant decidedAt, String decisionNote,
		boolean mayDecide, String whyNot) {

	public ReviewItemDetail {
		flags = List.copyOf(flags);
	}

	public boolean pending() {
		return "PENDING".equals(this.status);
	}

	public boolean heldPost() {
		return this.postId == null && this.appealStatement == null;
	}

}

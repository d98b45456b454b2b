package com.rapport.portal.mod.review;

import com.rapport.community.topic.PostHeldForReview;
import com.rapport.community.topic.TopicQueries;
import com.rapport.portal.security.ViewerFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * A post held for review was saved but not published: the author goes back to the topic
 * (or to their moderation page, for a new topic) and is told it awaits approval.
 */
@ControllerAdvice
class HeldPostAdvice {

	private final TopicQueries topics;

	HeldPostAdvice(TopicQueries topics) {
		this.topics = topics;
	}

	@ExceptionHandler(PostHeldForReview.class)
	String held(PostHeldForReview held, HttpServletRequest request) {
		RequestContextUtils.getOutputFlashMap(request)
			.put("message", held.edit() ? "review.editAwaitingApproval" : "review.awaitingApproval");
		if (held.topicId() == null) {
			return "redirect:/moderation";
		}
		return this.topics.topic(ViewerFilter.of(request), held.topicId(), 1)
			.map((view) -> "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), "UTF-8") + "/"
					+ held.topicId())
			.orElse("redirect:/moderation");
	}

}

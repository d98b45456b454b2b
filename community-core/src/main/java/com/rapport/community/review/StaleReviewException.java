package com.rapport.community.review;

import java.util.Map;

import com.rapport.community.member.RejectedException;

/**
 * A moderator acted on an item that changed meanwhile: decided by someone else, or
 * claimed by another moderator. Nothing was changed.
 */
public class StaleReviewException extends RejectedException {

	private static final long serialVersionUID = 1L;

	private final String status;

	private final String by;

	StaleReviewException(String messageKey, String status, String by) {
		super(Map.of("item", messageKey));
		this.status = status;
		this.by = by;
	}

	/**
	 * @return the item's status now
	 */
	public String status() {
		return this.status;
	}

	/**
	 * @return the moderator who decided or claimed it
	 */
	public String by() {
		return this.by;
	}

}

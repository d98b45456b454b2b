package com.rapport.community.review;

import java.time.Duration;
import java.util.Map;

import com.rapport.community.member.RejectedException;

/**
 * An action was refused because the member did it too often; it may be tried again after
 * {@link #retryAfter()}.
 */
public class RateLimitedException extends RejectedException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	RateLimitedException(String field, String messageKey, Duration retryAfter) {
		super(Map.of(field, messageKey));
		this.retryAfter = retryAfter;
	}

	/**
	 * @return how long to wait
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * @return the wait in whole minutes, rounded up (at least one)
	 */
	public long retryAfterMinutes() {
		return Math.max(1, (this.retryAfter.getSeconds() + 59) / 60);
	}

}

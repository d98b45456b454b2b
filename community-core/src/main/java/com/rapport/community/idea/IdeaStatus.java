package com.rapport.community.idea;

import java.util.Optional;

/**
 * Where an idea stands, as staff or a moderator set it. An idea without a status has none
 * of these.
 */
public enum IdeaStatus {

	/** Staff are looking at it. */
	UNDER_REVIEW,
	/** It will be done. */
	PLANNED,
	/** It was done. */
	DONE,
	/** It will not be done. */
	DECLINED;

	/**
	 * Reads a status as a form sends it.
	 * @param value a status name, or blank (or {@code NONE}) for no status
	 * @return the status, empty for "no status"
	 * @throws IllegalArgumentException for any other value
	 */
	public static Optional<IdeaStatus> parse(String value) {
		if (value == null || value.isBlank() || "NONE".equals(value)) {
			return Optional.empty();
		}
		for (IdeaStatus status : values()) {
			if (status.name().equals(value)) {
				return Optional.of(status);
			}
		}
		throw new IllegalArgumentException("Not an idea status: " + value.length() + " characters");
	}

}

package com.rapport.portal.welcome;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the welcome sequence, by the day of membership they arrive on (day 1 is
 * the day the address is confirmed). The ordinal is the step number stored in
 * {@code welcome_step} and used in the mail's message keys.
 */
enum WelcomeStep {

	/** How the community works. */
	HOW_IT_WORKS(1),
	/** Popular topics in the categories the member follows. */
	POPULAR_TOPICS(3),
	/** An invitation to ask or answer. */
	ASK_OR_ANSWER(7);

	private final int day;

	WelcomeStep(int day) {
		this.day = day;
	}

	int day() {
		return this.day;
	}

	/** How long after joining the step is due. */
	Duration after() {
		return Duration.ofDays(this.day - 1L);
	}

	/** Where the member reads it. */
	String path() {
		return "/welcome/" + this.day;
	}

	static Optional<WelcomeStep> ofDay(int day) {
		return Arrays.stream(values()).filter((step) -> step.day == day).findFirst();
	}

}

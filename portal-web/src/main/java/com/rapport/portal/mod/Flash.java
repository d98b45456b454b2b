package com.rapport.portal.mod;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.rapport.community.member.RejectedException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Small helpers shared by the moderation controllers.
 */
public final class Flash {

	private Flash() {
	}

	/** Runs an action, flashing {@code success} or the first refusal. */
	public static void run(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
	}

	/**
	 * A day from a date field.
	 * @return the day, or null when blank
	 * @throws RejectedException {@code mod.date.invalid} when not a date
	 */
	public static LocalDate day(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RejectedException(field, "mod.date.invalid");
		}
	}

	static java.time.Instant startOf(LocalDate day) {
		return (day != null) ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

}

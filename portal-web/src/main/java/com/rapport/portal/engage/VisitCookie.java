package com.rapport.portal.engage;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The first-party cookie {@value #NAME} that tells page views of one visit apart: a
 * random visit id, the day the visit started (in the brand's time zone) and whether it
 * has had one page or more. It lives 30 minutes after the last page view, so a visit ends
 * after 30 minutes without one. It is never stored on the server and holds nothing about
 * the person: {@code <22 characters of random id>.<start day>.<1 or 2>}.
 *
 * @param id the random visit id
 * @param startDay the day the visit started
 * @param pages 1 for one page so far, 2 for more
 */
record VisitCookie(String id, LocalDate startDay, int pages) {

	static final String NAME = "rapport_visit";

	private static final int ID_LENGTH = 22;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new visit starting today with its first page. */
	static VisitCookie start(LocalDate today) {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return new VisitCookie(Base64.getUrlEncoder().withoutPadding().encodeToString(id), today, 1);
	}

	/** The same visit after one more page. */
	VisitCookie next() {
		return new VisitCookie(this.id, this.startDay, 2);
	}

	/** Whether this page is the visit's second one, which makes it more than a bounce. */
	boolean isSingle() {
		return this.pages == 1;
	}

	String value() {
		return this.id + "." + this.startDay.toEpochDay() + "." + this.pages;
	}

	/**
	 * Reads a cookie's value; anything malformed (or a start day not between two days ago
	 * and today, which a 30-minute cookie cannot hold) counts as no visit.
	 * @param value the cookie's value, or null
	 * @param today today in the brand's time zone
	 * @return the visit, or null
	 */
	static VisitCookie parse(String value, LocalDate today) {
		if (value == null || value.length() > 60) {
			return null;
		}
		int first = value.indexOf('.');
		int last = value.lastIndexOf('.');
		if (first != ID_LENGTH || last <= first + 1 || last != value.length() - 2) {
			return null;
		}
		String id = value.substring(0, first);
		if (!id.chars().allMatch(VisitCookie::isIdCharacter)) {
			return null;
		}
		char pages = value.charAt(last + 1);
		if (pages != '1' && pages != '2') {
			return null;
		}
		long epochDay;
		try {
			epochDay = Long.parseLong(value.substring(first + 1, last));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (epochDay > today.toEpochDay() || epochDay < today.toEpochDay() - 2) {
			return null;
		}
		return new VisitCookie(id, LocalDate.ofEpochDay(epochDay), pages - '0');
	}

	private static boolean isIdCharacter(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}

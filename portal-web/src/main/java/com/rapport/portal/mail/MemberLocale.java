package com.rapport.portal.mail;

import java.util.Locale;

/**
 * The language a member reads mail in: the one they last used the portal in, English when
 * unknown. Only the portal's three languages are used.
 */
final class MemberLocale {

	private MemberLocale() {
	}

	static Locale of(String tag) {
		if (tag == null) {
			return Locale.ENGLISH;
		}
		Locale locale = Locale.forLanguageTag(tag);
		return switch (locale.getLanguage()) {
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "ru" -> Locale.forLanguageTag("ru");
			default -> Locale.ENGLISH;
		};
	}

	static String tagOf(Locale locale) {
		return of(locale.toLanguageTag()).toLanguageTag();
	}

}

package com.rapport.survey.survey;

import java.util.Locale;

/**
 * A text in English, Simplified Chinese and Russian; English is always the fallback.
 *
 * @param en English (may be null only for optional texts)
 * @param zh Simplified Chinese, or null
 * @param ru Russian, or null
 */
public record Localized(String en, String zh, String ru) {

	/** No text at all. */
	public static final Localized NONE = new Localized(null, null, null);

	public Localized {
		en = blankToNull(en);
		zh = blankToNull(zh);
		ru = blankToNull(ru);
	}

	/**
	 * The text in the language of {@code locale}, English when it has no translation.
	 * @param locale the language shown
	 * @return the text, or null when there is none
	 */
	public String in(Locale locale) {
		String translated = switch (locale.getLanguage()) {
			case "zh" -> this.zh;
			case "ru" -> this.ru;
			default -> null;
		};
		return (translated != null) ? translated : this.en;
	}

	public boolean isEmpty() {
		return this.en == null && this.zh == null && this.ru == null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}

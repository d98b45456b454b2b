package com.rapport.survey.sentiment;

/**
 * The language a text was detected to be written in.
 */
public enum Language {

	/** English. */
	ENGLISH("en"),

	/** Chinese (simplified or traditional). */
	CHINESE("zh"),

	/** Russian. */
	RUSSIAN("ru"),

	/**
	 * No language: the text has no letters, only emoji, emoticons, digits or punctuation.
	 */
	NONE("zxx"),

	/** A language the analyser does not cover (or could not tell). */
	OTHER("und");

	private final String code;

	Language(String code) {
		this.code = code;
	}

	/**
	 * The language's BCP 47 code ({@code zxx}: no linguistic content, {@code und}:
	 * undetermined).
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}

package com.rapport.survey.sentiment;

/**
 * A word of a Chinese or Russian text.
 *
 * @param surface the word as written
 * @param form its lower-case form (modifiers and contrast words are matched on it)
 * @param stem the key of the word list (the Snowball stem in Russian, the form in
 * Chinese)
 * @param clauseEnd whether a comma, full stop, colon, semicolon, ! or ? follows it
 * @param upper whether it is written in capitals
 */
record Word(String surface, String form, String stem, boolean clauseEnd, boolean upper) {

	Word endingClause() {
		return new Word(this.surface, this.form, this.stem, true, this.upper);
	}

	static boolean isClausePunctuation(int cp) {
		return switch (cp) {
			case ',', '.', ';', ':', '!', '?', '，', '。', '；', '：', '！', '？', '、', '…', '\n' -> true;
			default -> false;
		};
	}

}

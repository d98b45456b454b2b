package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whitespace tokens of an English text, with leading and trailing punctuation removed
 * (but emoticons such as ":)" kept whole) and every emoji a token of its own.
 */
final class Tokens {

	private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	final String[] raw;

	final String[] lower;

	final boolean[] upper;

	final Double[] emoji;

	/**
	 * Whether the token ends a clause (a comma, full stop, colon, semicolon, ! or ? after
	 * it).
	 */
	final boolean[] clauseEnd;

	private Tokens(List<String> raw, List<Double> emoji, List<Boolean> clauseEnd) {
		int n = raw.size();
		this.raw = raw.toArray(new String[0]);
		this.lower = new String[n];
		this.upper = new boolean[n];
		this.emoji = emoji.toArray(new Double[0]);
		this.clauseEnd = new boolean[n];
		for (int i = 0; i < n; i++) {
			this.clauseEnd[i] = clauseEnd.get(i);
		}
		for (int i = 0; i < n; i++) {
			this.lower[i] = this.raw[i].toLowerCase(Locale.ROOT);
			this.upper[i] = isUpper(this.raw[i]);
		}
	}

	int size() {
		return this.raw.length;
	}

	/**
	 * Whether some words, but not all, are in capitals: then capitals are emphasis.
	 */
	boolean capDifferential() {
		int caps = 0;
		for (boolean u : this.upper) {
			if (u) {
				caps++;
			}
		}
		int differential = this.upper.length - caps;
		return differential > 0 && differential < this.upper.length;
	}

	String phrase(int from, int to) {
		if (from == to) {
			return this.raw[to];
		}
		StringBuilder phrase = new StringBuilder();
		for (int i = from; i <= to; i++) {
			if (i > from) {
				phrase.append(' ');
			}
			phrase.append(this.raw[i]);
		}
		return phrase.toString();
	}

	static Tokens english(String text, Map<String, Double> emojiValences) {
		List<String> raw = new ArrayList<>();
		List<Double> emoji = new ArrayList<>();
		List<Boolean> ends = new ArrayList<>();
		int start = -1;
		int i = 0;
		int length = text.length();
		while (i < length) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp);
			if (isSpace(cp)) {
				if (start >= 0) {
					addWord(text.substring(start, i), raw, emoji, ends);
					start = -1;
				}
			}
			else if (cp >= 0x2190 && !emojiValences.isEmpty() && emojiValences.containsKey(Character.toString(cp))) {
				if (start >= 0) {
					addWord(text.substring(start, i), raw, emoji, ends);
					start = -1;
				}
				raw.add(Character.toString(cp));
				emoji.add(emojiValences.get(Character.toString(cp)));
				ends.add(false);
			}
			else if (start < 0) {
				start = i;
			}
			i = next;
		}
		if (start >= 0) {
			addWord(text.substring(start), raw, emoji, ends);
		}
		return new Tokens(raw, emoji, ends);
	}

	private static void addWord(String token, List<String> raw, List<Double> emoji, List<Boolean> ends) {
		int from = 0;
		int to = token.length();
		while (from < to && isPunctuation(token.charAt(from))) {
			from++;
		}
		while (to > from && isPunctuation(token.charAt(to - 1))) {
			to--;
		}
		String word = token;
		if (to - from > 2) {
			// of two characters or fewer, it is more likely an emoticon: keep it whole
			word = token.substring(from, to);
		}
		if (word.isEmpty()) {
			return;
		}
		raw.add(word);
		emoji.add(null);
		char last = token.charAt(token.length() - 1);
		ends.add(to < token.length()
				&& (last == ',' || last == '.' || last == ';' || last == ':' || last == '!' || last == '?'));
	}

	private static boolean isPunctuation(char c) {
		return c < 128 && PUNCTUATION.indexOf(c) >= 0;
	}

	static boolean isSpace(int cp) {
		return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85 || isEmojiModifier(cp);
	}

	/**
	 * Variation selectors, the zero-width joiner and skin tones: they change how an emoji
	 * looks, not what it means.
	 */
	static boolean isEmojiModifier(int cp) {
		return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
	}

	/**
	 * Like Python's {@code str.isupper()}: at least one cased letter, none lower case.
	 */
	static boolean isUpper(String word) {
		boolean cased = false;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isLowerCase(c)) {
				return false;
			}
			if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
				cased = true;
			}
		}
		return cased;
	}

}

package com.rapport.survey.sentiment;

import java.util.HashMap;
import java.util.Map;

/**
 * The English word list: VADER's 7,500 rated words, emoticons and slang (read from the
 * {@code vader-sentiment-analyzer} jar, MIT licence), with our corrections on top
 * ({@code sentiment/en/lexicon-corrections.tsv}).
 */
final class EnglishLexicon {

	private EnglishLexicon() {
	}

	static Map<String, Double> load() {
		return load(true);
	}

	static Map<String, Double> load(boolean corrected) {
		Map<String, Double> lexicon = new HashMap<>(WordLists.valences("vader_sentiment_lexicon.txt"));
		if (corrected) {
			lexicon.putAll(WordLists.valences("en/lexicon-corrections.tsv"));
			Map<String, Double> inflected = new HashMap<>();
			lexicon.forEach((word, valence) -> inflect(word, valence, inflected));
			inflected.forEach(lexicon::putIfAbsent);
		}
		return Map.copyOf(lexicon);
	}

	/**
	 * The regular inflections of a rated word (plural or third person, past, gerund,
	 * adverb in -ly), which the VADER list often lacks: "annoys" rates as "annoy".
	 */
	static void inflect(String word, double valence, Map<String, Double> forms) {
		int n = word.length();
		if (n < 3 || !isLetters(word)) {
			return;
		}
		char last = word.charAt(n - 1);
		String stem = word.substring(0, n - 1);
		boolean consonantY = last == 'y' && !isVowel(word.charAt(n - 2));
		if (consonantY) {
			forms.putIfAbsent(stem + "ies", valence);
			forms.putIfAbsent(stem + "ied", valence);
			forms.putIfAbsent(stem + "ily", valence);
			forms.putIfAbsent(word + "ing", valence);
			return;
		}
		if (last == 's' || last == 'x' || word.endsWith("ch") || word.endsWith("sh")) {
			forms.putIfAbsent(word + "es", valence);
		}
		else {
			forms.putIfAbsent(word + "s", valence);
		}
		if (last == 'e') {
			forms.putIfAbsent(word + "d", valence);
			forms.putIfAbsent(stem + "ing", valence);
			if (word.endsWith("le")) {
				forms.putIfAbsent(stem + "y", valence);
			}
			else {
				forms.putIfAbsent(word + "ly", valence);
			}
			return;
		}
		forms.putIfAbsent(word + "ed", valence);
		forms.putIfAbsent(word + "ing", valence);
		forms.putIfAbsent(word + "ly", valence);
		if (!isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(word.charAt(n - 2))
				&& !isVowel(word.charAt(n - 3))) {
			forms.putIfAbsent(word + last + "ed", valence);
			forms.putIfAbsent(word + last + "ing", valence);
		}
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}

	private static boolean isLetters(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		return true;
	}

}

package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian: words reduced to their Snowball stems (so "плохо", "плохой", "плохая" are one
 * entry), a few two-word phrases ("так себе"), the Runet smileys ")))" and "(((", then
 * {@link ClauseRules}.
 */
final class RussianScorer {

	/** Valence of a run of two or more closing brackets, the Runet smile. */
	static final double BRACKET_SMILE = 1.5;

	/** Prefix of the key of a word form rated as written, not by its stem. */
	static final String EXACT = "=";

	private final ClauseRules rules;

	private final Map<String, Double> phrases;

	private final Map<String, Double> emoji;

	RussianScorer(Map<String, Double> english, Map<String, Double> emoji) {
		Map<String, Double> lexicon = new HashMap<>();
		Map<String, Double> phrases = new HashMap<>();
		WordLists.valences("ru/lexicon.tsv").forEach((word, valence) -> {
			if (word.indexOf(' ') >= 0) {
				phrases.put(word, valence);
				lexicon.put(word, valence);
			}
			else if (word.startsWith("=")) {
				lexicon.put(EXACT + word.substring(1), valence);
			}
			else {
				lexicon.put(stem(new RussianStemmer(), word), valence);
			}
		});
		lexicon.putAll(emoji);
		lexicon.put(")))", BRACKET_SMILE);
		lexicon.put("(((", -BRACKET_SMILE);
		this.phrases = Map.copyOf(phrases);
		this.emoji = emoji;
		this.rules = new ClauseRules("ru", Map.copyOf(lexicon), english);
	}

	static String stem(RussianStemmer stemmer, String form) {
		stemmer.setCurrent(form);
		stemmer.stem();
		return stemmer.getCurrent();
	}

	List<Cue> cues(String text) {
		return this.rules.cues(words(text));
	}

	List<Word> words(String text) {
		RussianStemmer stemmer = new RussianStemmer();
		List<Word> words = new ArrayList<>();
		int length = text.length();
		int i = 0;
		while (i < length) {
			int cp = text.codePointAt(i);
			if (Character.isLetterOrDigit(cp)) {
				int end = i;
				while (end < length && (Character.isLetterOrDigit(text.codePointAt(end)) || (isJoiner(text.charAt(end))
						&& end + 1 < length && Character.isLetter(text.charAt(end + 1))))) {
					end += Character.charCount(text.codePointAt(end));
				}
				String word = text.substring(i, end);
				String form = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
				boolean cyrillic = Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC;
				String key = cyrillic ? stem(stemmer, form) : form;
				words.add(new Word(word, form, key, false, Tokens.isUpper(word) && word.length() > 1));
				i = end;
				joinPhrase(words);
			}
			else if (cp == ')' || cp == '(') {
				int end = i;
				while (end < length && text.charAt(end) == cp) {
					end++;
				}
				if (end - i >= 2) {
					String run = (cp == ')') ? ")))" : "(((";
					words.add(new Word(text.substring(i, end), run, run, false, false));
				}
				i = end;
			}
			else {
				String symbol = Character.toString(cp);
				if (this.emoji.containsKey(symbol)) {
					words.add(new Word(symbol, symbol, symbol, false, false));
				}
				else if (Word.isClausePunctuation(cp) && !words.isEmpty()) {
					words.set(words.size() - 1, words.get(words.size() - 1).endingClause());
				}
				i += Character.charCount(cp);
			}
		}
		return words;
	}

	private static boolean isJoiner(char c) {
		return c == '-' || c == '\'';
	}

	/** Two words that make a rated phrase become one word. */
	private void joinPhrase(List<Word> words) {
		int n = words.size();
		if (n < 2 || words.get(n - 2).clauseEnd()) {
			return;
		}
		String phrase = words.get(n - 2).form() + " " + words.get(n - 1).form();
		if (this.phrases.containsKey(phrase)) {
			Word first = words.get(n - 2);
			Word second = words.remove(n - 1);
			words.set(n - 2, new Word(first.surface() + " " + second.surface(), phrase, phrase, second.clauseEnd(),
					first.upper()));
		}
	}

}

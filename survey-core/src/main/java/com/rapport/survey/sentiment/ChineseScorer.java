package com.rapport.survey.sentiment;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chinese: the text is segmented into words by forward longest match against the words
 * the rules know (rated words, negators, degree adverbs, contrast words, and neutral
 * words that merely contain a rated character), then scored by {@link ClauseRules}.
 */
final class ChineseScorer {

	private final ClauseRules rules;

	private final Set<String> dictionary;

	private final int longest;

	private final Map<String, Double> emoji;

	ChineseScorer(Map<String, Double> english, Map<String, Double> emoji) {
		Map<String, Double> lexicon = new HashMap<>(WordLists.valences("zh/lexicon.tsv"));
		lexicon.putAll(emoji);
		this.rules = new ClauseRules("zh", Map.copyOf(lexicon), english);
		this.emoji = emoji;
		Set<String> words = new HashSet<>(this.rules.vocabulary());
		words.addAll(WordLists.terms("zh/neutral.txt"));
		this.dictionary = Set.copyOf(words);
		int max = 1;
		for (String word : words) {
			max = Math.max(max, word.length());
		}
		this.longest = max;
	}

	List<Cue> cues(String text) {
		return this.rules.cues(segment(text));
	}

	List<Word> segment(String text) {
		List<Word> words = new ArrayList<>();
		int length = text.length();
		int i = 0;
		while (i < length) {
			int cp = text.codePointAt(i);
			if (UnicodeScript.of(cp) == UnicodeScript.HAN) {
				int end = Math.min(length, i + this.longest);
				while (end > i + 1 && !this.dictionary.contains(text.substring(i, end))) {
					end--;
				}
				String word = text.substring(i, end);
				words.add(new Word(word, word, word, false, false));
				i = end;
			}
			else if (Character.isLetterOrDigit(cp)) {
				int end = i;
				while (end < length && Character.isLetterOrDigit(text.codePointAt(end))
						&& UnicodeScript.of(text.codePointAt(end)) != UnicodeScript.HAN) {
					end += Character.charCount(text.codePointAt(end));
				}
				String word = text.substring(i, end);
				String form = word.toLowerCase(Locale.ROOT);
				words.add(new Word(word, form, form, false, Tokens.isUpper(word) && word.length() > 1));
				i = end;
			}
			else {
				i = punctuation(text, i, cp, words);
			}
		}
		return words;
	}

	private int punctuation(String text, int i, int cp, List<Word> words) {
		String symbol = Character.toString(cp);
		if (this.emoji.containsKey(symbol)) {
			words.add(new Word(symbol, symbol, symbol, false, false));
		}
		else if (Word.isClausePunctuation(cp) && !words.isEmpty()) {
			words.set(words.size() - 1, words.get(words.size() - 1).endingClause());
		}
		return i + Character.charCount(cp);
	}

}

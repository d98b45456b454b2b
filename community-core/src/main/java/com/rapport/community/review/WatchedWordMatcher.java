package com.rapport.community.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds watched words in a text in one pass, whatever the number of words: an
 * Aho–Corasick automaton over case-folded characters. No regular expression is involved,
 * so no pattern can make matching slow.
 * <p>
 * Word boundaries: a pattern edge that is a letter or digit of a space-separated script
 * (Latin, Cyrillic, ...) only matches at a word boundary, so "ass" is not found in
 * "class"; an edge in a script written without spaces (Chinese, Japanese) matches
 * anywhere, so 帐篷 is found in 我的帐篷漏水了. A {@code *} at the start or end of a pattern lifts
 * the boundary on that side ("spam*" finds "spammer") and the match then covers the rest
 * of the word.
 */
public final class WatchedWordMatcher {

	/** The longest pattern accepted, in characters. */
	public static final int MAX_PATTERN = 100;

	private final WatchedWord[] words;

	private final boolean[] openStart;

	private final boolean[] openEnd;

	private final int[] lengths;

	// per state: sorted transition characters and their targets
	private final char[][] edges;

	private final int[][] targets;

	private final int[] failure;

	// per state: the pattern ending here, or -1; and the next state on the failure chain
	// that ends a pattern, or -1
	private final int[] output;

	private final int[] dictionaryLink;

	private WatchedWordMatcher(List<WatchedWord> watched) {
		List<Map<Character, Integer>> trie = new ArrayList<>();
		List<Integer> ends = new ArrayList<>();
		trie.add(new HashMap<>());
		ends.add(-1);
		this.words = watched.toArray(new WatchedWord[0]);
		this.openStart = new boolean[this.words.length];
		this.openEnd = new boolean[this.words.length];
		this.lengths = new int[this.words.length];
		for (int i = 0; i < this.words.length; i++) {
			String pattern = this.words[i].pattern();
			this.openStart[i] = pattern.startsWith("*");
			this.openEnd[i] = pattern.length() > 1 && pattern.endsWith("*");
			String literal = fold(
					pattern.substring(this.openStart[i] ? 1 : 0, pattern.length() - (this.openEnd[i] ? 1 : 0)));
			this.lengths[i] = literal.length();
			int state = 0;
			for (int c = 0; c < literal.length(); c++) {
				Integer next = trie.get(state).get(literal.charAt(c));
				if (next == null) {
					next = trie.size();
					trie.add(new HashMap<>());
					ends.add(-1);
					trie.get(state).put(literal.charAt(c), next);
				}
				state = next;
			}
			if (ends.get(state) == -1) {
				ends.set(state, i);
			}
		}
		int states = trie.size();
		this.edges = new char[states][];
		this.targets = new int[states][];
		this.output = new int[states];
		for (int s = 0; s < states; s++) {
			Character[] keys = trie.get(s).keySet().toArray(new Character[0]);
			Arrays.sort(keys);
			this.edges[s] = new char[keys.length];
			this.targets[s] = new int[keys.length];
			for (int k = 0; k < keys.length; k++) {
				this.edges[s][k] = keys[k];
				this.targets[s][k] = trie.get(s).get(keys[k]);
			}
			this.output[s] = ends.get(s);
		}
		this.failure = new int[states];
		this.dictionaryLink = new int[states];
		this.dictionaryLink[0] = -1;
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int child : this.targets[0]) {
			this.failure[child] = 0;
			this.dictionaryLink[child] = -1;
			queue.add(child);
		}
		while (!queue.isEmpty()) {
			int state = queue.poll();
			for (int k = 0; k < this.edges[state].length; k++) {
				char c = this.edges[state][k];
				int child = this.targets[state][k];
				int fallback = this.failure[state];
				while (fallback != 0 && next(fallback, c) < 0) {
					fallback = this.failure[fallback];
				}
				int target = next(fallback, c);
				this.failure[child] = (target >= 0 && target != child) ? target : 0;
				int f = this.failure[child];
				this.dictionaryLink[child] = (this.output[f] >= 0) ? f : this.dictionaryLink[f];
				queue.add(child);
			}
		}
	}

	/**
	 * Builds the automaton.
	 * @param words the watched words (patterns as {@link #normalize(String)} returns
	 * them)
	 * @return the matcher
	 */
	public static WatchedWordMatcher of(List<WatchedWord> words) {
		return new WatchedWordMatcher(words);
	}

	/**
	 * Every watched word found in the text, in order of where it ends.
	 * @param text the text
	 * @return the matches, possibly overlapping
	 */
	public List<Match> find(String text) {
		List<Match> matches = new ArrayList<>();
		if (this.words.length == 0 || text == null) {
			return matches;
		}
		int state = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = Character.toLowerCase(text.charAt(i));
			int next = next(state, c);
			while (next < 0 && state != 0) {
				state = this.failure[state];
				next = next(state, c);
			}
			state = Math.max(next, 0);
			int hit = (this.output[state] >= 0) ? state : this.dictionaryLink[state];
			while (hit >= 0) {
				accept(text, this.output[hit], i + 1, matches);
				hit = this.dictionaryLink[hit];
			}
		}
		return matches;
	}

	private void accept(String text, int word, int end, List<Match> matches) {
		int start = end - this.lengths[word];
		if (this.openStart[word]) {
			while (start > 0 && isWordChar(text.charAt(start - 1))) {
				start--;
			}
		}
		else if (isWordChar(text.charAt(start)) && start > 0 && isWordChar(text.charAt(start - 1))) {
			return;
		}
		int stop = end;
		if (this.openEnd[word]) {
			while (stop < text.length() && isWordChar(text.charAt(stop))) {
				stop++;
			}
		}
		else if (isWordChar(text.charAt(end - 1)) && end < text.length() && isWordChar(text.charAt(end))) {
			return;
		}
		matches.add(new Match(start, stop, this.words[word]));
	}

	private int next(int state, char c) {
		char[] keys = this.edges[state];
		int found = Arrays.binarySearch(keys, c);
		return (found >= 0) ? this.targets[state][found] : -1;
	}

	/**
	 * A letter or digit of a script that separates words by spaces. Han, kana and the
	 * like are not: a word written in them may start or end anywhere.
	 */
	static boolean isWordChar(char c) {
		if (!Character.isLetterOrDigit(c)) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
				&& script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.THAI;
	}

	private static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = Character.toLowerCase(chars[i]);
		}
		return new String(chars);
	}

	/**
	 * The form a pattern is stored in, or null when it is not acceptable: case-folded,
	 * spaces collapsed, at most {@link #MAX_PATTERN} characters, {@code *} only as its
	 * first or last character, and at least two other characters (one for Chinese).
	 * @param input what staff entered
	 * @return the pattern or null
	 */
	public static String normalize(String input) {
		if (input == null) {
			return null;
		}
		StringBuilder pattern = new StringBuilder();
		boolean space = false;
		for (char c : input.strip().toCharArray()) {
			if (Character.isWhitespace(c)) {
				space = true;
				continue;
			}
			if (Character.isISOControl(c)) {
				return null;
			}
			if (space) {
				pattern.append(' ');
				space = false;
			}
			pattern.append(Character.toLowerCase(c));
		}
		String text = pattern.toString();
		String literal = text;
		if (literal.startsWith("*")) {
			literal = literal.substring(1);
		}
		if (literal.endsWith("*")) {
			literal = literal.substring(0, literal.length() - 1);
		}
		if (text.length() > MAX_PATTERN || literal.isBlank() || literal.indexOf('*') >= 0 || literal.startsWith(" ")
				|| literal.endsWith(" ")) {
			return null;
		}
		boolean wide = literal.chars().anyMatch((c) -> Character.isLetter(c) && !isWordChar((char) c));
		return (literal.length() >= 2 || wide) ? text : null;
	}

	/**
	 * A watched word found in a text.
	 *
	 * @param start where it starts
	 * @param end where it ends (exclusive)
	 * @param word which word
	 */
	public record Match(int start, int end, WatchedWord word) {
	}

}

package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules shared by Chinese and Russian, on words already segmented (and stemmed): a
 * valence per rated word, turned around by a negator and scaled by a degree adverb up to
 * three words before it in the same clause, capitals as emphasis, a contrast word that
 * shifts the weight to what follows it and a concessive clause that counts half.
 */
final class ClauseRules {

	/** How far back (in words) a negator or degree adverb reaches. */
	static final int REACH = 3;

	private final Map<String, Double> lexicon;

	private final Map<String, Double> modifiers;

	private final Set<String> contrast;

	private final Set<String> concession;

	/** Rated English words and emoticons, for the Latin tokens of a mixed text. */
	private final Map<String, Double> fallback;

	ClauseRules(String language, Map<String, Double> lexicon, Map<String, Double> fallback) {
		this.lexicon = lexicon;
		this.modifiers = WordLists.valences(language + "/modifiers.tsv");
		this.contrast = WordLists.terms(language + "/contrast.txt");
		this.concession = WordLists.terms(language + "/concession.txt");
		this.fallback = fallback;
	}

	Set<String> vocabulary() {
		Set<String> words = new java.util.HashSet<>(this.lexicon.keySet());
		words.addAll(this.modifiers.keySet());
		words.addAll(this.contrast);
		words.addAll(this.concession);
		return words;
	}

	private double rated(Word word) {
		Double valence = this.lexicon.get(RussianScorer.EXACT + word.form());
		if (valence == null) {
			valence = this.lexicon.get(word.stem());
		}
		if (valence == null) {
			valence = this.fallback.get(word.form());
		}
		return (valence != null) ? valence : Double.NaN;
	}

	List<Cue> cues(List<Word> words) {
		int n = words.size();
		double[] rated = new double[n];
		int caps = 0;
		for (int i = 0; i < n; i++) {
			rated[i] = rated(words.get(i));
			caps += words.get(i).upper() ? 1 : 0;
		}
		boolean capDifferential = caps > 0 && caps < n;
		double[] valence = new double[n];
		int[] from = new int[n];
		for (int i = 0; i < n; i++) {
			from[i] = i;
			Word word = words.get(i);
			if (Double.isNaN(rated[i]) || actsAsModifier(words, rated, i)) {
				continue;
			}
			double v = rated[i];
			if (capDifferential && word.upper()) {
				v += (v > 0) ? EnglishScorer.CAPS : -EnglishScorer.CAPS;
			}
			for (int j = i - 1; j >= Math.max(0, i - REACH); j--) {
				Word before = words.get(j);
				if (before.clauseEnd()) {
					break;
				}
				Double factor = this.modifiers.get(before.form());
				if (factor != null) {
					v *= factor;
					from[i] = j;
				}
				else if (!Double.isNaN(rated[j])) {
					break;
				}
			}
			valence[i] = v;
		}
		weigh(words, valence);
		List<Cue> cues = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (valence[i] != 0) {
				cues.add(new Cue(phrase(words, from[i], i), valence[i]));
			}
		}
		return cues;
	}

	/**
	 * A word that is both rated and a degree adverb ("好" good / very, "ужасно" awful /
	 * awfully) is the adverb when a rated word follows it in the clause.
	 */
	private boolean actsAsModifier(List<Word> words, double[] rated, int i) {
		return this.modifiers.containsKey(words.get(i).form()) && !words.get(i).clauseEnd() && i + 1 < words.size()
				&& !Double.isNaN(rated[i + 1]);
	}

	private void weigh(List<Word> words, double[] valence) {
		int n = words.size();
		int turn = -1;
		for (int i = 0; i < n && turn < 0; i++) {
			if (this.contrast.contains(words.get(i).form())) {
				turn = i;
			}
		}
		if (turn >= 0) {
			for (int i = 0; i < n; i++) {
				valence[i] *= (i < turn) ? 0.5 : 1.5;
			}
		}
		boolean conceding = false;
		for (int i = 0; i < n; i++) {
			if (this.concession.contains(words.get(i).form())) {
				conceding = true;
			}
			if (conceding && turn < 0) {
				valence[i] *= 0.5;
			}
			if (words.get(i).clauseEnd()) {
				conceding = false;
			}
		}
	}

	private static String phrase(List<Word> words, int from, int to) {
		if (from == to) {
			return words.get(to).surface();
		}
		boolean spaced = Character.UnicodeScript
			.of(words.get(to).surface().codePointAt(0)) != Character.UnicodeScript.HAN;
		StringBuilder phrase = new StringBuilder();
		for (int i = from; i <= to; i++) {
			if (i > from && spaced) {
				phrase.append(' ');
			}
			phrase.append(words.get(i).surface());
		}
		return phrase.toString();
	}

}

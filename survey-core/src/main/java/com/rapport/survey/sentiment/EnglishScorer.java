package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English rules in the manner of VADER (Hutto and Gilbert, ICWSM 2014): a valence per
 * word from the VADER word list, shifted by the degree adverbs, negations, capitals and
 * idioms around it, and by a contrast ("but") that shifts the weight to what follows. The
 * sum goes through {@link Scores#normalize(double)}.
 */
final class EnglishScorer {

	/** Mean rating change of a booster word. */
	static final double BOOST = 0.293;

	/** Mean rating change of a word in capitals among words that are not. */
	static final double CAPS = 0.733;

	/** A negation turns the valence around and weakens it. */
	static final double NEGATION = -0.74;

	private final Map<String, Double> lexicon;

	private final Map<String, Double> boosters;

	private final Set<String> negators;

	private final Map<String, Double> phrases;

	private final Map<String, Double> emoji;

	final EnglishRules rules;

	EnglishScorer(Map<String, Double> lexicon, Map<String, Double> emoji, EnglishRules rules) {
		this.lexicon = lexicon;
		this.emoji = emoji;
		this.rules = rules;
		this.boosters = WordLists.valences("en/boosters.tsv");
		this.negators = WordLists.terms("en/negators.txt");
		this.phrases = WordLists.valences("en/phrases.tsv");
	}

	/**
	 * The cues of a text and the sum of their valences.
	 */
	List<Cue> cues(String text) {
		Tokens t = Tokens.english(text, this.emoji);
		int n = t.size();
		if (n == 0) {
			return List.of();
		}
		String[] lower = t.lower;
		double[] lex = new double[n];
		for (int i = 0; i < n; i++) {
			Double emojiValence = t.emoji[i];
			Double v = (emojiValence != null) ? emojiValence : this.lexicon.get(lower[i]);
			lex[i] = (v != null) ? v : Double.NaN;
		}
		boolean capDifferential = t.capDifferential();
		double[] valence = new double[n];
		int[] from = new int[n];
		for (int i = 0; i < n; i++) {
			from[i] = i;
			String word = lower[i];
			if (this.boosters.containsKey(word)) {
				continue;
			}
			if (i < n - 1 && word.equals("kind") && lower[i + 1].equals("of")) {
				continue;
			}
			if (Double.isNaN(lex[i])) {
				continue;
			}
			valence[i] = valence(t, lex, i, capDifferential, from);
		}
		contrast(lower, valence);
		if (this.rules.irrealis()) {
			irrealis(t, valence);
		}
		if (this.rules.likeAsVerbOnly()) {
			likeAsVerbOnly(lower, valence);
		}
		List<Cue> cues = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (valence[i] != 0) {
				cues.add(new Cue(t.phrase(from[i], i), valence[i]));
			}
		}
		return cues;
	}

	private double valence(Tokens t, double[] lex, int i, boolean capDifferential, int[] from) {
		String[] lower = t.lower;
		int n = t.size();
		double v = lex[i];
		if (lower[i].equals("no") && i != n - 1 && !Double.isNaN(lex[i + 1])) {
			v = 0.0;
		}
		if ((i > 0 && lower[i - 1].equals("no")) || (i > 1 && lower[i - 2].equals("no"))
				|| (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
			v = lex[i] * NEGATION;
			from[i] = Math.min(from[i],
					(lower[i - 1].equals("no")) ? i - 1 : (lower[i - 2].equals("no") ? i - 2 : i - 3));
		}
		if (capDifferential && t.upper[i]) {
			v += (v > 0) ? CAPS : -CAPS;
		}
		for (int k = 0; k < 3; k++) {
			int j = i - (k + 1);
			if (j < 0 || !Double.isNaN(lex[j])) {
				continue;
			}
			double s = scalar(t, j, v, capDifferential);
			if (s != 0) {
				s *= (k == 1) ? 0.95 : ((k == 2) ? 0.9 : 1.0);
				from[i] = Math.min(from[i], j);
			}
			v += s;
			double modified = negation(v, lower, k, i);
			if (Double.compare(modified, v) != 0) {
				from[i] = Math.min(from[i], j);
			}
			v = modified;
			if (k == 2) {
				v = idioms(v, lower, i, from);
			}
		}
		return least(v, lower, lex, i, from);
	}

	private double scalar(Tokens t, int j, double valence, boolean capDifferential) {
		Double boost = this.boosters.get(t.lower[j]);
		if (boost == null) {
			return 0.0;
		}
		double s = (valence < 0) ? -boost : boost;
		if (t.upper[j] && capDifferential) {
			s += (valence > 0) ? CAPS : -CAPS;
		}
		return s;
	}

	private boolean negated(String word) {
		return this.negators.contains(word) || word.contains("n't");
	}

	private double negation(double valence, String[] w, int k, int i) {
		if (k == 0) {
			return negated(w[i - 1]) ? valence * NEGATION : valence;
		}
		if (k == 1) {
			if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
				return valence * 1.25;
			}
			if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
				return valence;
			}
			return negated(w[i - 2]) ? valence * NEGATION : valence;
		}
		if ((w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")))
				|| (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
			return valence * 1.25;
		}
		if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
			return valence;
		}
		return negated(w[i - 3]) ? valence * NEGATION : valence;
	}

	private double idioms(double valence, String[] w, int i, int[] from) {
		int n = w.length;
		double v = valence;
		String onezero = w[i - 1] + " " + w[i];
		String twoonezero = w[i - 2] + " " + w[i - 1] + " " + w[i];
		String twoone = w[i - 2] + " " + w[i - 1];
		String threetwoone = w[i - 3] + " " + w[i - 2] + " " + w[i - 1];
		String threetwo = w[i - 3] + " " + w[i - 2];
		for (String seq : new String[] { onezero, twoonezero, twoone, threetwoone, threetwo }) {
			Double special = this.phrases.get(seq);
			if (special != null) {
				v = special;
				break;
			}
		}
		if (n - 1 > i) {
			Double special = this.phrases.get(w[i] + " " + w[i + 1]);
			if (special != null) {
				v = special;
			}
		}
		if (n - 1 > i + 1) {
			Double special = this.phrases.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
			if (special != null) {
				v = special;
			}
		}
		for (String gram : new String[] { threetwoone, threetwo, twoone }) {
			Double boost = this.boosters.get(gram);
			if (boost != null) {
				v += boost;
			}
		}
		return v;
	}

	private double least(double valence, String[] w, double[] lex, int i, int[] from) {
		if (i > 1 && Double.isNaN(lex[i - 1]) && w[i - 1].equals("least")) {
			if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) {
				from[i] = Math.min(from[i], i - 1);
				return valence * NEGATION;
			}
		}
		else if (i > 0 && Double.isNaN(lex[i - 1]) && w[i - 1].equals("least")) {
			from[i] = Math.min(from[i], i - 1);
			return valence * NEGATION;
		}
		return valence;
	}

	/**
	 * "but" shifts the weight: half before the first one, one and a half after.
	 */
	private void contrast(String[] w, double[] valence) {
		int but = -1;
		for (int i = 0; i < w.length; i++) {
			if (w[i].equals("but")) {
				but = i;
				break;
			}
		}
		if (but < 0) {
			return;
		}
		for (int i = 0; i < w.length; i++) {
			if (i < but) {
				valence[i] *= 0.5;
			}
			else if (i > but) {
				valence[i] *= 1.5;
			}
		}
	}

	private static final Set<String> IRREALIS = Set.of("would", "could", "should", "might", "if", "wish", "wished",
			"hope", "hoped", "hoping", "supposed", "expected", "expect", "expecting", "would've", "could've",
			"should've", "wouldve", "couldve", "shouldve");

	static final double IRREALIS_WEIGHT = 0.5;

	/**
	 * What a clause only imagines ("it would have been fun", "if it worked") counts less:
	 * after a modal, "if" or a wish in the same clause.
	 */
	private void irrealis(Tokens t, double[] valence) {
		boolean inIrrealis = false;
		for (int i = 0; i < t.size(); i++) {
			if (inIrrealis) {
				valence[i] *= IRREALIS_WEIGHT;
			}
			if (IRREALIS.contains(t.lower[i])) {
				inIrrealis = true;
			}
			if (t.clauseEnd[i] || t.lower[i].equals("but")) {
				inIrrealis = false;
			}
		}
	}

	private static final Set<String> LIKE_SUBJECTS = Set.of("i", "we", "you", "they", "u", "ya", "really", "also",
			"still", "would", "do", "does", "did", "don't", "didn't", "doesn't", "dont", "didnt", "doesnt", "to", "i'd",
			"we'd", "you'd", "they'd", "id", "actually", "totally", "definitely", "genuinely", "always", "never",
			"kinda", "truly", "especially", "and", "who", "people", "everyone", "everybody", "not");

	/**
	 * "like" rates as the verb of liking only after a subject or an auxiliary; "looks
	 * like", "like a", "things like" are comparisons.
	 */
	private static void likeAsVerbOnly(String[] w, double[] valence) {
		for (int i = 0; i < w.length; i++) {
			if (w[i].equals("like") && (i == 0 || !LIKE_SUBJECTS.contains(w[i - 1]))) {
				valence[i] = 0;
			}
		}
	}

	static String lower(String word) {
		return word.toLowerCase(Locale.ROOT);
	}

}

package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores the sentiment of a text in English, Chinese or Russian: detects the language,
 * applies that language's rules and returns a score from −1 to 1, its label and the words
 * that drove it. A text in any other language comes back not analysed.
 * <p>
 * Immutable and thread-safe once built; building it reads the word lists, so make one and
 * share it.
 */
public final class SentimentAnalyzer {

	/** At most this many drivers are reported, strongest first. */
	static final int MAX_DRIVERS = 5;

	private final LanguageDetector detector;

	private final EnglishScorer english;

	private final ChineseScorer chinese;

	private final RussianScorer russian;

	/**
	 * Reads the word lists from the classpath.
	 */
	public SentimentAnalyzer() {
		this(EnglishRules.RAPPORT);
	}

	SentimentAnalyzer(EnglishRules rules) {
		Map<String, Double> emoji = WordLists.valences("emoji.tsv");
		Map<String, Double> lexicon = EnglishLexicon.load(rules.lexiconAdditions());
		this.english = new EnglishScorer(lexicon, emoji, rules);
		this.chinese = new ChineseScorer(lexicon, emoji);
		this.russian = new RussianScorer(lexicon, emoji);
		this.detector = new LanguageDetector(lexicon.keySet());
	}

	/**
	 * The sentiment of a text.
	 * @param text any text (plain, not HTML)
	 * @return its sentiment; {@link Sentiment#analysed()} is false for a language not
	 * covered
	 */
	public Sentiment analyze(String text) {
		if (text == null || text.isBlank()) {
			return Sentiment.notAnalysed(Language.NONE);
		}
		Language language = this.detector.detect(text);
		List<Cue> cues;
		switch (language) {
			case ENGLISH, NONE -> cues = this.english.cues(text);
			case CHINESE -> cues = this.chinese.cues(text);
			case RUSSIAN -> cues = this.russian.cues(text);
			default -> {
				return Sentiment.notAnalysed(language);
			}
		}
		if (language == Language.NONE && cues.isEmpty()) {
			return Sentiment.notAnalysed(language);
		}
		return sentiment(language, text, cues);
	}

	private static Sentiment sentiment(Language language, String text, List<Cue> cues) {
		double sum = 0;
		for (Cue cue : cues) {
			sum += cue.valence();
		}
		double score = Scores.round4(Scores.normalize(Scores.emphasised(sum, text)));
		SentimentLabel label = SentimentLabel.of(score);
		return new Sentiment(language, score, label, drivers(cues, label));
	}

	/**
	 * The cues that pull the way of the label, strongest first (for a neutral text, the
	 * strongest of either side).
	 */
	private static List<String> drivers(List<Cue> cues, SentimentLabel label) {
		List<Cue> sorted = new ArrayList<>(cues);
		sorted.sort(Comparator.comparingDouble((Cue cue) -> -Math.abs(cue.valence())));
		List<String> drivers = new ArrayList<>();
		for (Cue cue : sorted) {
			boolean agrees = label == SentimentLabel.NEUTRAL
					|| (label == SentimentLabel.POSITIVE) == (cue.valence() > 0);
			if (agrees && !drivers.contains(cue.text()) && drivers.size() < MAX_DRIVERS) {
				drivers.add(cue.text());
			}
		}
		return drivers;
	}

}

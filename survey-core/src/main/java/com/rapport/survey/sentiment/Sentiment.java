package com.rapport.survey.sentiment;

import java.util.List;
import java.util.Objects;

/**
 * The sentiment of one text.
 *
 * @param language the detected language
 * @param score from −1 (most negative) to 1 (most positive); 0 when not analysed
 * @param label the class of the score, or {@link SentimentLabel#NOT_ANALYSED}
 * @param drivers the words or phrases that drove the score, strongest first, each as
 * written in the text with the negation or intensifier that changed it (e.g. "not good")
 */
public record Sentiment(Language language, double score, SentimentLabel label, List<String> drivers) {

	public Sentiment {
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(label, "label");
		drivers = List.copyOf(drivers);
	}

	static Sentiment notAnalysed(Language language) {
		return new Sentiment(language, 0.0, SentimentLabel.NOT_ANALYSED, List.of());
	}

	/**
	 * Whether the text was analysed: false for a language the analyser does not cover.
	 * @return whether {@link #score()} means anything
	 */
	public boolean analysed() {
		return this.label != SentimentLabel.NOT_ANALYSED;
	}

}

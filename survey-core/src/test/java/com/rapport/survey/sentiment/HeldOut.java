package com.rapport.survey.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our own held-out style sets: 45 labelled texts per language under
 * {@code src/test/resources/sentiment/heldout-*.tsv}.
 */
final class HeldOut {

	record Example(SentimentLabel label, String text) {
	}

	private HeldOut() {
	}

	static List<Example> examples(String language) {
		String path = "sentiment/heldout-" + language + ".tsv";
		try (InputStream in = HeldOut.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + path);
			}
			List<Example> examples = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				int tab = line.indexOf('\t');
				examples.add(new Example(SentimentLabel.valueOf(line.substring(0, tab).toUpperCase(Locale.ROOT)),
						line.substring(tab + 1)));
			}
			return examples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static double accuracy(SentimentAnalyzer analyzer, List<Example> examples, List<String> misses) {
		int right = 0;
		for (Example example : examples) {
			SentimentLabel label = analyzer.analyze(example.text()).label();
			if (label == example.label()) {
				right++;
			}
			else {
				misses.add(example.label() + " read as " + label + ": " + example.text());
			}
		}
		return (double) right / examples.size();
	}

	public static void main(String[] args) {
		SentimentAnalyzer analyzer = new SentimentAnalyzer();
		for (String language : new String[] { "en", "zh", "ru" }) {
			List<String> misses = new ArrayList<>();
			double accuracy = accuracy(analyzer, examples(language), misses);
			System.out.printf(Locale.ROOT, "%s accuracy=%.3f%n", language, accuracy);
			misses.forEach((miss) -> System.out.println("  " + miss));
		}
	}

}

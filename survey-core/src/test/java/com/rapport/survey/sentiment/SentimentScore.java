package com.rapport.survey.sentiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code bench/sentiment-score}: reads texts from standard input, one per line (UTF-8),
 * and prints {@code label<TAB>score<TAB>driving words} for each, with the portal's
 * {@link SentimentAnalyzer}.
 */
public final class SentimentScore {

	private SentimentScore() {
	}

	public static void main(String[] args) throws IOException {
		SentimentAnalyzer analyzer = new SentimentAnalyzer();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			Sentiment sentiment = analyzer.analyze(line);
			out.write(sentiment.label().name().toLowerCase(java.util.Locale.ROOT));
			out.write('\t');
			out.write(sentiment.analysed() ? String.format(java.util.Locale.ROOT, "%.4f", sentiment.score()) : "-");
			out.write('\t');
			out.write(String.join(", ", sentiment.drivers()));
			out.newLine();
		}
		out.flush();
	}

}

package com.rapport.survey.sentiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/sentiment-eval}: the analyser against the human ratings of the VADER
 * corpora, by the method of ANCHORS.md (a) and (b). Prints one line per corpus:
 * {@code corpus r=… macroF1=…}.
 */
public final class SentimentEval {

	static final String[] CORPORA = { "tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets" };

	private SentimentEval() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of((args.length > 0) ? args[0] : "../shared/data/sentiment");
		SentimentAnalyzer analyzer = new SentimentAnalyzer();
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		List<Rated> all = new ArrayList<>();
		for (String corpus : CORPORA) {
			List<Rated> records = read(dir.resolve(corpus + "_GroundTruth.txt"));
			double[] scores = new double[records.size()];
			for (int i = 0; i < scores.length; i++) {
				scores[i] = analyzer.analyze(records.get(i).text()).score();
			}
			Metrics m = Metrics.of(records, scores);
			out.printf(Locale.ROOT, "%s r=%.4f macroF1=%.4f%n", shortName(corpus), m.r(), m.macroF1());
			all.addAll(records);
		}
		List<String> held = new ArrayList<>();
		for (String language : new String[] { "en", "zh", "ru" }) {
			double accuracy = HeldOut.accuracy(analyzer, HeldOut.examples(language), new ArrayList<>());
			System.err.printf(Locale.ROOT, "held-out style set %s: 3-class accuracy %.3f%n", language, accuracy);
			HeldOut.examples(language).forEach((example) -> held.add(example.text()));
		}
		throughput(analyzer,
				"all corpus records (" + all.size() + ", mean "
						+ all.stream().mapToInt((r) -> r.text().length()).sum() / all.size() + " chars)",
				all.stream().map(Rated::text).toList());
		throughput(analyzer, "short en/zh/ru texts (" + held.size() + ", mean "
				+ held.stream().mapToInt(String::length).sum() / held.size() + " chars)", held);
	}

	/**
	 * Texts per second on this thread, after a warm-up, over at least three seconds.
	 */
	static void throughput(SentimentAnalyzer analyzer, String what, List<String> texts) {
		long sink = 0;
		long warmUntil = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < warmUntil) {
			for (String text : texts) {
				sink += analyzer.analyze(text).drivers().size();
			}
		}
		long count = 0;
		long start = System.nanoTime();
		long end;
		do {
			for (String text : texts) {
				sink += analyzer.analyze(text).drivers().size();
			}
			count += texts.size();
			end = System.nanoTime();
		}
		while (end - start < 3_000_000_000L);
		System.err.printf(Locale.ROOT, "throughput, one thread, %s: %,.0f texts/s (%d)%n", what,
				count / ((end - start) / 1e9), sink % 2);
	}

	static String shortName(String corpus) {
		return switch (corpus) {
			case "movieReviewSnippets" -> "movie";
			case "amazonReviewSnippets" -> "amazon";
			case "nytEditorialSnippets" -> "nyt";
			default -> corpus;
		};
	}

	/** A record of a ground-truth file: its id, mean human rating and text. */
	record Rated(String id, double rating, String text) {
	}

	/**
	 * Reads a ground-truth file as ANCHORS.md (0) says: records split at CR LF, fields at
	 * the first two tabs, text as stored.
	 */
	static List<Rated> read(Path file) throws IOException {
		String content = Files.readString(file, StandardCharsets.UTF_8);
		List<Rated> records = new ArrayList<>();
		int start = 0;
		while (start < content.length()) {
			int end = content.indexOf("\r\n", start);
			String line = (end < 0) ? content.substring(start) : content.substring(start, end);
			int tab1 = line.indexOf('\t');
			int tab2 = line.indexOf('\t', tab1 + 1);
			records.add(new Rated(line.substring(0, tab1), Double.parseDouble(line.substring(tab1 + 1, tab2)),
					line.substring(tab2 + 1)));
			if (end < 0) {
				break;
			}
			start = end + 2;
		}
		return records;
	}

	/** Pearson's r and 3-class figures of one corpus. */
	record Metrics(double r, double accuracy, double macroF1, double[] f1, int[][] confusion) {

		static Metrics of(List<Rated> records, double[] scores) {
			int n = scores.length;
			double[] human = new double[n];
			for (int i = 0; i < n; i++) {
				human[i] = records.get(i).rating();
			}
			int[][] confusion = new int[3][3];
			int agree = 0;
			for (int i = 0; i < n; i++) {
				int gold = (human[i] > 0.5) ? 0 : ((human[i] < -0.5) ? 2 : 1);
				int predicted = (scores[i] >= 0.05) ? 0 : ((scores[i] <= -0.05) ? 2 : 1);
				confusion[gold][predicted]++;
				if (gold == predicted) {
					agree++;
				}
			}
			double[] f1 = new double[3];
			double macro = 0;
			for (int c = 0; c < 3; c++) {
				int predictedCount = confusion[0][c] + confusion[1][c] + confusion[2][c];
				int goldCount = confusion[c][0] + confusion[c][1] + confusion[c][2];
				double p = (predictedCount == 0) ? 0 : (double) confusion[c][c] / predictedCount;
				double r = (goldCount == 0) ? 0 : (double) confusion[c][c] / goldCount;
				f1[c] = (p + r == 0) ? 0 : 2 * p * r / (p + r);
				macro += f1[c] / 3;
			}
			return new Metrics(pearson(scores, human), (double) agree / n, macro, f1, confusion);
		}

		static double pearson(double[] x, double[] y) {
			int n = x.length;
			double mx = 0;
			double my = 0;
			for (int i = 0; i < n; i++) {
				mx += x[i] / n;
				my += y[i] / n;
			}
			double sxy = 0;
			double sxx = 0;
			double syy = 0;
			for (int i = 0; i < n; i++) {
				sxy += (x[i] - mx) * (y[i] - my);
				sxx += (x[i] - mx) * (x[i] - mx);
				syy += (y[i] - my) * (y[i] - my);
			}
			return sxy / Math.sqrt(sxx * syy);
		}

	}

}

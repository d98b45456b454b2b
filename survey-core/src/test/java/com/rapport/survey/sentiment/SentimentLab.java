package com.rapport.survey.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Development aid: compares with the py-current column of vader_reference_scores.tsv. */
public final class SentimentLab {

	public static void main(String[] args) throws IOException {
		Path dir = Path.of("../shared/data/sentiment");
		Map<String, Double> reference = new HashMap<>();
		for (String line : Files.readAllLines(dir.resolve("vader_reference_scores.tsv"), StandardCharsets.UTF_8)
			.subList(1, 23704)) {
			String[] f = line.split("\t");
			reference.put(f[0] + "/" + f[1], Double.parseDouble(f[3]));
		}
		boolean vader = args.length > 0 && args[0].equals("vader");
		SentimentAnalyzer analyzer = new SentimentAnalyzer(vader ? EnglishRules.VADER : EnglishRules.RAPPORT);
		int shown = 0;
		for (String corpus : SentimentEval.CORPORA) {
			List<SentimentEval.Rated> records = SentimentEval.read(dir.resolve(corpus + "_GroundTruth.txt"));
			double[] scores = new double[records.size()];
			double[] ref = new double[records.size()];
			int differ = 0;
			int notEnglish = 0;
			LanguageDetector detector = new LanguageDetector();
			for (int i = 0; i < scores.length; i++) {
				scores[i] = analyzer.analyze(records.get(i).text()).score();
				if (detector.detect(records.get(i).text()) != Language.ENGLISH) {
					notEnglish++;
				}
				String name = corpus;
				ref[i] = reference.get(name + "/" + records.get(i).id());
				if (Math.abs(scores[i] - ref[i]) > 1e-4) {
					differ++;
					if (shown++ < Integer.getInteger("show", 0)) {
						System.out.printf(Locale.ROOT, "  %s %.4f py=%.4f %s%n", records.get(i).id(), scores[i], ref[i],
								records.get(i).text());
					}
				}
			}
			SentimentEval.Metrics m = SentimentEval.Metrics.of(records, scores);
			SentimentEval.Metrics p = SentimentEval.Metrics.of(records, ref);
			System.out.printf(Locale.ROOT,
					"%-8s r=%.4f (py %.4f) F1=%.4f (py %.4f) acc=%.3f f1 pos/neu/neg %.3f/%.3f/%.3f differ=%d%n",
					SentimentEval.shortName(corpus), m.r(), p.r(), m.macroF1(), p.macroF1(), m.accuracy(), m.f1()[0],
					m.f1()[1], m.f1()[2], differ);
			System.out.println("   not English: " + notEnglish);
			System.out.println("   gold pos->" + java.util.Arrays.toString(m.confusion()[0]) + " neu->"
					+ java.util.Arrays.toString(m.confusion()[1]) + " neg->"
					+ java.util.Arrays.toString(m.confusion()[2]));
		}
	}

}

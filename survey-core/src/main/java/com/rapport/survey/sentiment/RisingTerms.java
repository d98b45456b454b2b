package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words that drove negative texts this week far more often than in an average week of
 * the weeks before: one rule for posts ("what hurts" in the forums) and for open-text
 * survey answers. Each text counts a term once, from the driving words the analyser
 * stored with it.
 */
public final class RisingTerms {

	/** A term must drive at least this many negative texts this week to be listed. */
	public static final int MIN_MENTIONS = 2;

	private final int baselineWeeks;

	private final Map<String, int[]> counts = new HashMap<>();

	/**
	 * Counts against an average of the given number of weeks before this one.
	 * @param baselineWeeks the weeks before this week that make the usual count
	 */
	public RisingTerms(int baselineWeeks) {
		this.baselineWeeks = baselineWeeks;
	}

	/**
	 * Counts the driving words of one negative text.
	 * @param drivers the stored driving words, comma separated (may be null)
	 * @param thisWeek whether the text is of this week (else of the weeks before)
	 */
	public void add(String drivers, boolean thisWeek) {
		for (String term : terms(drivers)) {
			this.counts.computeIfAbsent(term, (t) -> new int[2])[thisWeek ? 0 : 1]++;
		}
	}

	/**
	 * The terms that rose most, at least {@link #MIN_MENTIONS} times this week and more
	 * than usual; by rise, then by this week's count, then by term.
	 * @param size how many at most
	 * @return the terms
	 */
	public List<RisingTerm> top(int size) {
		List<RisingTerm> terms = new ArrayList<>();
		this.counts.forEach((term, c) -> {
			double usual = (double) c[1] / this.baselineWeeks;
			if (c[0] >= MIN_MENTIONS && c[0] > usual) {
				terms.add(new RisingTerm(term, c[0], usual));
			}
		});
		terms.sort(Comparator.comparingDouble(RisingTerm::rise)
			.reversed()
			.thenComparing(Comparator.comparingInt(RisingTerm::thisWeek).reversed())
			.thenComparing(RisingTerm::term));
		return List.copyOf(terms.subList(0, Math.min(size, terms.size())));
	}

	/**
	 * The distinct driving words of one text, in lower case.
	 * @param drivers the stored driving words, comma separated (may be null)
	 * @return the terms, in their order
	 */
	public static List<String> terms(String drivers) {
		List<String> terms = new ArrayList<>();
		if (drivers == null) {
			return terms;
		}
		for (String part : drivers.split(",")) {
			String term = part.strip().toLowerCase(Locale.ROOT);
			if (!term.isEmpty() && !terms.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

	/**
	 * A term driving negative texts more often this week than usual.
	 *
	 * @param term the word or phrase
	 * @param thisWeek negative texts of the last 7 days it drove
	 * @param usual negative texts it drove in an average week of the weeks before
	 */
	public record RisingTerm(String term, int thisWeek, double usual) {

		/** How many more negative texts than usual. */
		public double rise() {
			return this.thisWeek - this.usual;
		}

		/** The usual weekly count, to one decimal. */
		public String usualText() {
			return String.format(Locale.ROOT, "%.1f", this.usual);
		}

	}

}

package com.rapport.survey.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every survey metric, as pure functions of counts. Margins are 95% (z = 1.96); a metric
 * with fewer answers than the minimum is computed but marked as not enough responses.
 */
public final class SurveyMetrics {

	/** z for a two-sided 95% interval. */
	public static final double Z95 = 1.96;

	/** Differences with a p-value below this are called significant. */
	public static final double ALPHA = 0.05;

	private SurveyMetrics() {
	}

	/**
	 * NPS = % promoters (9–10) − % detractors (0–6), with the margin 1.96 · √((p₉₁₀ + p₀₆
	 * − (p₉₁₀ − p₀₆)²) / n) · 100.
	 * @param counts answers on 0–10
	 * @param minimum the fewest answers for the score to be shown
	 * @return the score in points
	 */
	public static Estimate nps(ScoreCounts counts, long minimum) {
		long n = counts.n();
		if (n == 0) {
			return none(MetricDefinition.NPS);
		}
		double promoters = (double) counts.between(9, 10) / n;
		double detractors = (double) counts.between(0, 6) / n;
		double margin = Z95 * Math.sqrt(npsVariance(promoters, detractors) / n) * 100;
		return new Estimate(MetricDefinition.NPS, (promoters - detractors) * 100, margin, n, n >= minimum);
	}

	/**
	 * % promoters, passives and detractors of NPS answers.
	 * @param counts answers on 0–10
	 * @return the three shares in percent (NaN without answers)
	 */
	public static double[] npsGroups(ScoreCounts counts) {
		long n = counts.n();
		return new double[] { percent(counts.between(9, 10), n), percent(counts.between(7, 8), n),
				percent(counts.between(0, 6), n) };
	}

	/**
	 * The mean CES on 1–7.
	 * @param counts answers on 1–7
	 * @param minimum the fewest answers for the value to be shown
	 * @return the mean
	 */
	public static Estimate cesMean(ScoreCounts counts, long minimum) {
		return mean(MetricDefinition.CES_MEAN, counts, minimum);
	}

	/**
	 * % of CES answers that agree (5–7).
	 * @param counts answers on 1–7
	 * @param minimum the fewest answers for the value to be shown
	 * @return the share in percent
	 */
	public static Estimate cesAgree(ScoreCounts counts, long minimum) {
		return proportion(MetricDefinition.CES_AGREE, counts.between(5, 7), counts.n(), minimum);
	}

	/**
	 * CSAT: % of answers 4–5 on 1–5.
	 * @param counts answers on 1–5
	 * @param minimum the fewest answers for the value to be shown
	 * @return the share in percent
	 */
	public static Estimate csat(ScoreCounts counts, long minimum) {
		return proportion(MetricDefinition.CSAT, counts.between(4, 5), counts.n(), minimum);
	}

	/**
	 * The mean star rating on 1–5.
	 * @param counts answers on 1–5
	 * @param minimum the fewest answers for the value to be shown
	 * @return the mean
	 */
	public static Estimate ratingMean(ScoreCounts counts, long minimum) {
		return mean(MetricDefinition.RATING_MEAN, counts, minimum);
	}

	/**
	 * The headline metric of a definition that reads a scale.
	 * @param definition NPS, CES_MEAN, CES_AGREE, CSAT or RATING_MEAN
	 * @param counts the answers
	 * @param minimum the fewest answers for the value to be shown
	 * @return the estimate
	 */
	public static Estimate of(MetricDefinition definition, ScoreCounts counts, long minimum) {
		return switch (definition) {
			case NPS -> nps(counts, minimum);
			case CES_MEAN -> cesMean(counts, minimum);
			case CES_AGREE -> cesAgree(counts, minimum);
			case CSAT -> csat(counts, minimum);
			case RATING_MEAN -> ratingMean(counts, minimum);
			default -> throw new IllegalArgumentException(definition + " reads no scale");
		};
	}

	/**
	 * The share of each option among the respondents who answered a choice question (a
	 * multiple choice's shares can add up to more than 100%).
	 * @param picks how many respondents picked each option, by number from 1; 0 for
	 * "Other"
	 * @param options how many options the question has
	 * @param answered how many respondents answered the question
	 * @param minimum the fewest answers for the shares to be shown
	 * @return one share per option in order, then "Other" when it was picked
	 */
	public static List<ChoiceShare> choiceShares(Map<Integer, Long> picks, int options, long answered, long minimum) {
		List<ChoiceShare> shares = new ArrayList<>();
		for (int option = 1; option <= options; option++) {
			long count = picks.getOrDefault(option, 0L);
			shares.add(new ChoiceShare(option, count,
					proportion(MetricDefinition.CHOICE_SHARE, count, answered, minimum)));
		}
		long other = picks.getOrDefault(0, 0L);
		if (other > 0) {
			shares.add(new ChoiceShare(0, other, proportion(MetricDefinition.CHOICE_SHARE, other, answered, minimum)));
		}
		return shares;
	}

	/**
	 * The funnel of a survey.
	 * @param shown times shown
	 * @param started responses started
	 * @param completed responses completed
	 * @param answered per question key in survey order, responses that answered it
	 * @return the funnel with the drop-off per question
	 */
	public static Funnel funnel(long shown, long started, long completed, Map<String, Long> answered) {
		List<Funnel.Step> steps = new ArrayList<>();
		long before = started;
		for (Map.Entry<String, Long> question : answered.entrySet()) {
			long count = question.getValue();
			double dropOff = (before == 0) ? Double.NaN : Math.max(0, 100.0 * (before - count) / before);
			steps.add(new Funnel.Step(question.getKey(), count, dropOff));
			before = count;
		}
		return new Funnel(shown, started, completed, steps);
	}

	/**
	 * Compares a scale metric between two periods with the test that suits it.
	 * @param definition the metric
	 * @param current this period's answers
	 * @param previous the previous period's answers
	 * @param minimum the fewest answers in each period for a test
	 * @return the comparison
	 */
	public static Comparison compare(MetricDefinition definition, ScoreCounts current, ScoreCounts previous,
			long minimum) {
		Estimate now = of(definition, current, minimum);
		Estimate before = of(definition, previous, minimum);
		SignificanceTest test = SignificanceTest.forMetric(definition);
		if (!now.enough() || !before.enough()) {
			return new Comparison(now, before, test, Double.NaN, Double.NaN, false);
		}
		return switch (test) {
			case NPS_Z -> npsTest(now, before, current, previous);
			case WELCH_T -> welch(now, before, current, previous);
			case TWO_PROPORTION_Z -> proportionTest(now, before);
		};
	}

	/**
	 * Compares two proportions (e.g. a choice share) between two periods with a
	 * two-proportion z-test.
	 * @param current this period
	 * @param previous the previous period
	 * @return the comparison
	 */
	public static Comparison compareProportions(Estimate current, Estimate previous) {
		if (!current.enough() || !previous.enough()) {
			return new Comparison(current, previous, SignificanceTest.TWO_PROPORTION_Z, Double.NaN, Double.NaN, false);
		}
		return proportionTest(current, previous);
	}

	static double percent(long part, long whole) {
		return (whole == 0) ? Double.NaN : 100.0 * part / whole;
	}

	private static double npsVariance(double promoters, double detractors) {
		double d = promoters - detractors;
		return promoters + detractors - d * d;
	}

	private static Comparison npsTest(Estimate now, Estimate before, ScoreCounts current, ScoreCounts previous) {
		double varNow = npsVariance((double) current.between(9, 10) / now.n(),
				(double) current.between(0, 6) / now.n());
		double varBefore = npsVariance((double) previous.between(9, 10) / before.n(),
				(double) previous.between(0, 6) / before.n());
		double se = Math.sqrt(varNow / now.n() + varBefore / before.n());
		double z = (now.value() - before.value()) / 100 / se;
		return tested(now, before, SignificanceTest.NPS_Z, z, Probabilities.normalTwoSided(z));
	}

	private static Comparison welch(Estimate now, Estimate before, ScoreCounts current, ScoreCounts previous) {
		double a = current.variance() / current.n();
		double b = previous.variance() / previous.n();
		double t = (now.value() - before.value()) / Math.sqrt(a + b);
		double df = (a + b) * (a + b) / (a * a / (current.n() - 1) + b * b / (previous.n() - 1));
		return tested(now, before, SignificanceTest.WELCH_T, t, Probabilities.studentTwoSided(t, df));
	}

	private static Comparison proportionTest(Estimate now, Estimate before) {
		double p1 = now.value() / 100;
		double p2 = before.value() / 100;
		double pooled = (p1 * now.n() + p2 * before.n()) / (now.n() + before.n());
		double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / now.n() + 1.0 / before.n()));
		double z = (p1 - p2) / se;
		return tested(now, before, SignificanceTest.TWO_PROPORTION_Z, z, Probabilities.normalTwoSided(z));
	}

	private static Comparison tested(Estimate now, Estimate before, SignificanceTest test, double statistic, double p) {
		if (Double.isNaN(statistic)) {
			// no spread in either period: equal values are no change, different ones are
			// certain
			boolean same = now.value() == before.value();
			return new Comparison(now, before, test, same ? 0 : Double.POSITIVE_INFINITY, same ? 1 : 0, !same);
		}
		return new Comparison(now, before, test, statistic, p, p < ALPHA);
	}

	private static Estimate mean(MetricDefinition definition, ScoreCounts counts, long minimum) {
		long n = counts.n();
		if (n == 0) {
			return none(definition);
		}
		double margin = (n < 2) ? Double.NaN : Z95 * Math.sqrt(counts.variance() / n);
		return new Estimate(definition, counts.mean(), margin, n, n >= minimum);
	}

	/**
	 * A proportion in percent with the margin 1.96 · √(p(1 − p) / n) · 100.
	 * @param definition the metric
	 * @param part the answers counted as a success
	 * @param n the answers
	 * @param minimum the fewest answers for the value to be shown
	 * @return the estimate
	 */
	public static Estimate proportion(MetricDefinition definition, long part, long n, long minimum) {
		if (n == 0) {
			return none(definition);
		}
		double p = (double) part / n;
		return new Estimate(definition, p * 100, Z95 * Math.sqrt(p * (1 - p) / n) * 100, n, n >= minimum);
	}

	private static Estimate none(MetricDefinition definition) {
		return new Estimate(definition, Double.NaN, Double.NaN, 0, false);
	}

}

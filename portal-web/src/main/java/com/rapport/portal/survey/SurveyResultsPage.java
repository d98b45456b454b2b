package com.rapport.portal.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.annotation.Annotations;
import com.rapport.survey.metrics.ChoiceShare;
import com.rapport.survey.metrics.Comparison;
import com.rapport.survey.metrics.Estimate;
import com.rapport.survey.metrics.Funnel;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.metrics.ScoreCounts;
import com.rapport.survey.metrics.SurveyMetrics;
import com.rapport.survey.results.HiddenFieldRollups;
import com.rapport.survey.results.ResultsCounts;
import com.rapport.survey.results.ResultsCounts.Dimension;
import com.rapport.survey.results.SurveyResults;
import com.rapport.survey.results.SurveyResults.DayCount;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds the view of a survey's results page from the rollups: per question the metric of
 * its type with margin and comparison, the distribution, the trend with its confidence
 * band (as SVG geometry) and the breakdowns; the funnel of the survey. Every number comes
 * from {@link SurveyMetrics}, as on every other page.
 */
@Component
class SurveyResultsPage {

	/** The breakdowns by a hidden field are named after it with this prefix. */
	static final String HIDDEN_PREFIX = "hidden:";

	private final SurveyResults results;

	private final Annotations annotations;

	private final HiddenFieldRollups hiddenFields;

	private final long minimum;

	SurveyResultsPage(SurveyResults results, Annotations annotations, HiddenFieldRollups hiddenFields,
			@Value("${rapport.insights.min-responses:30}") long minimum) {
		this.results = results;
		this.annotations = annotations;
		this.hiddenFields = hiddenFields;
		this.minimum = minimum;
	}

	long minimum() {
		return this.minimum;
	}

	ResultsView build(Survey survey, ResultsPeriod period, Locale locale) {
		LocalDate until = this.results.today().plusDays(1);
		LocalDate from = until.minusDays(period.days());
		ResultsCounts current = this.results.period(survey.id(), from, until);
		ResultsCounts previous = this.results.totals(survey.id(), from.minusDays(period.days()), from);
		List<DayCount> daily = this.results.trend(survey.id(), period.bucketOf(from), until, period.monthly());
		List<Annotation> events = this.annotations.between(period.bucketOf(from), until);
		HiddenFieldRollups.HiddenBreakdown hidden = this.hiddenFields.period(survey.id(), from, until);
		List<QuestionView> questions = new ArrayList<>();
		Map<String, Long> reached = new LinkedHashMap<>();
		for (Question question : survey.questions()) {
			questions.add(question(question, locale, current, previous, daily, period, events, hidden));
			reached.put(question.key(), current.reached(question.key()));
		}
		Funnel funnel = SurveyMetrics.funnel(current.shown(), current.started(), current.completed(), reached);
		return new ResultsView(from, until.minusDays(1), funnel, questions, this.minimum);
	}

	private QuestionView question(Question question, Locale locale, ResultsCounts current, ResultsCounts previous,
			List<DayCount> daily, ResultsPeriod period, List<Annotation> events,
			HiddenFieldRollups.HiddenBreakdown hidden) {
		QuestionType type = question.type();
		List<MetricDefinition> definitions = MetricDefinition.forType(type);
		String key = question.key();
		List<MetricView> metrics = new ArrayList<>();
		Map<String, List<BreakdownRow>> breakdowns = new LinkedHashMap<>();
		List<ChoiceView> choices = new ArrayList<>();
		List<SentimentShare> sentiments = new ArrayList<>();
		ComparisonView comparison = null;
		SvgCharts.Distribution distribution = null;
		SvgCharts.Trend trend = null;
		if (type.isScale()) {
			ScoreCounts scores = current.scores(key, type.min(), type.max(), ResultsCounts.all());
			for (MetricDefinition definition : definitions) {
				metrics.add(MetricView.of(SurveyMetrics.of(definition, scores, this.minimum)));
			}
			comparison = ComparisonView.of(SurveyMetrics.compare(definitions.get(0), scores,
					previous.scores(key, type.min(), type.max(), ResultsCounts.all()), this.minimum));
			distribution = SvgCharts.distribution(scores, type == QuestionType.NPS);
			trend = SvgCharts.trend(trendPoints(question, daily, period), definitions.get(0), events);
			for (Dimension dimension : Dimension.values()) {
				List<BreakdownRow> rows = new ArrayList<>();
				for (String value : current.values(dimension)) {
					rows.add(new BreakdownRow(value,
							MetricView.of(SurveyMetrics.of(definitions.get(0),
									current.scores(key, type.min(), type.max(), ResultsCounts.where(dimension, value)),
									this.minimum))));
				}
				breakdowns.put(dimension.name(), rows);
			}
			for (String field : hidden.fields(key)) {
				List<BreakdownRow> rows = new ArrayList<>();
				hidden.scores(field, key, type.min(), type.max())
					.forEach((value, counts) -> rows.add(new BreakdownRow(value,
							MetricView.of(SurveyMetrics.of(definitions.get(0), counts, this.minimum)))));
				breakdowns.put(HIDDEN_PREFIX + field, rows);
			}
		}
		else if (type == QuestionType.TEXT) {
			Map<String, Long> labels = current.sentiments(key);
			long total = labels.values().stream().mapToLong(Long::longValue).sum();
			labels.forEach((label, count) -> sentiments.add(new SentimentShare(label, count,
					MetricView.of(SurveyMetrics.proportion(MetricDefinition.SENTIMENT, count, total, this.minimum)))));
			metrics.add(new MetricView(MetricDefinition.SENTIMENT, "", "", total, total >= this.minimum));
		}
		else {
			long answered = current.answered(key, ResultsCounts.all());
			List<String> options = question.options(locale);
			for (ChoiceShare share : SurveyMetrics.choiceShares(current.picks(key, ResultsCounts.all()), options.size(),
					answered, this.minimum)) {
				choices.add(new ChoiceView(share.other() ? null : options.get(share.option() - 1), share.count(),
						MetricView.of(share.share())));
			}
			metrics.add(new MetricView(MetricDefinition.CHOICE_SHARE, "", "", answered, answered >= this.minimum));
		}
		return new QuestionView(key, question.prompt(locale), type, definitions.get(0), metrics, comparison,
				distribution, trend, breakdowns, choices, sentiments);
	}

	private List<TrendPoint> trendPoints(Question question, List<DayCount> daily, ResultsPeriod period) {
		QuestionType type = question.type();
		TreeMap<LocalDate, ScoreCounts> buckets = new TreeMap<>();
		LocalDate first = null;
		for (DayCount count : daily) {
			if (count.questionKey().equals(question.key()) && count.bucket().startsWith("v")) {
				LocalDate bucket = period.bucketOf(count.day());
				buckets.computeIfAbsent(bucket, (b) -> ScoreCounts.empty(type.min(), type.max()))
					.add(Integer.parseInt(count.bucket().substring(1)), count.count());
				first = (first == null || bucket.isBefore(first)) ? bucket : first;
			}
		}
		List<TrendPoint> points = new ArrayList<>();
		if (first == null) {
			return points;
		}
		LocalDate last = buckets.lastKey();
		MetricDefinition headline = MetricDefinition.forType(type).get(0);
		for (LocalDate bucket = first; !bucket.isAfter(last); bucket = period.nextBucket(bucket)) {
			ScoreCounts scores = buckets.getOrDefault(bucket, ScoreCounts.empty(type.min(), type.max()));
			points.add(new TrendPoint(bucket, period.label(bucket), SurveyMetrics.of(headline, scores, this.minimum)));
		}
		return points;
	}

	/**
	 * The whole page.
	 */
	record ResultsView(LocalDate from, LocalDate to, Funnel funnel, List<QuestionView> questions, long minimum) {

		ResultsView {
			questions = List.copyOf(questions);
		}

		public String percent(double value) {
			return MetricDefinition.FUNNEL.format(value);
		}

	}

	/**
	 * One question's results; the parts that do not apply to its type are empty or null.
	 */
	record QuestionView(String key, String prompt, QuestionType type, MetricDefinition headline,
			List<MetricView> metrics, ComparisonView comparison, SvgCharts.Distribution distribution,
			SvgCharts.Trend trend, Map<String, List<BreakdownRow>> breakdowns, List<ChoiceView> choices,
			List<SentimentShare> sentiments) {

		QuestionView {
			metrics = List.copyOf(metrics);
			breakdowns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdowns));
			choices = List.copyOf(choices);
			sentiments = List.copyOf(sentiments);
		}

	}

	/**
	 * A metric as shown: value and margin rounded by its definition.
	 */
	record MetricView(MetricDefinition definition, String value, String margin, long n, boolean enough) {

		static MetricView of(Estimate estimate) {
			return new MetricView(estimate.definition(), estimate.definition().format(estimate.value()),
					estimate.definition().formatMargin(estimate.margin()), estimate.n(), estimate.enough());
		}

	}

	/**
	 * This period against the previous one.
	 */
	record ComparisonView(String testKey, MetricView current, MetricView previous, String difference, String pValue,
			boolean comparable, boolean significant) {

		static ComparisonView of(Comparison comparison) {
			MetricDefinition definition = comparison.current().definition();
			String p = !comparison.comparable() ? ""
					: (comparison.pValue() < 0.001) ? "< 0.001"
							: java.math.BigDecimal.valueOf(comparison.pValue())
								.setScale(3, java.math.RoundingMode.HALF_UP)
								.toPlainString();
			String difference = definition.format(comparison.difference());
			if (!difference.isEmpty() && comparison.difference() > 0) {
				difference = "+" + difference;
			}
			return new ComparisonView(comparison.test().messageKey(), MetricView.of(comparison.current()),
					MetricView.of(comparison.previous()), difference, p, comparison.comparable(),
					comparison.significant());
		}

	}

	/**
	 * One value of a breakdown.
	 */
	record BreakdownRow(String value, MetricView metric) {
	}

	/**
	 * One option of a choice question; {@code option} null for "Other".
	 */
	record ChoiceView(String option, long count, MetricView share) {
	}

	/**
	 * The share of one sentiment label among a question's open-text answers.
	 */
	record SentimentShare(String label, long count, MetricView share) {
	}

	/**
	 * One bucket of a trend.
	 */
	record TrendPoint(LocalDate start, String label, Estimate estimate) {
	}

}

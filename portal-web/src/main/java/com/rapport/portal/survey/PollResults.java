package com.rapport.portal.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.survey.metrics.ChoiceShare;
import com.rapport.survey.metrics.Estimate;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.metrics.ScoreCounts;
import com.rapport.survey.metrics.SurveyMetrics;
import com.rapport.survey.results.ResultsCounts;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;

/**
 * A poll's results as its voters see them: per rating or choice question, the votes per
 * answer with their share, and for a rating the survey's headline metric (NPS, CES, CSAT
 * or mean), all from the survey's metrics code. Open-text answers are never shown.
 *
 * @param questions one entry per question with countable answers
 */
record PollResults(List<QuestionResult> questions) {

	/** Shown from the first vote: a poll is not a sample to be judged. */
	private static final long MINIMUM = 1;

	PollResults {
		questions = List.copyOf(questions);
	}

	static PollResults of(Survey survey, ResultsCounts counts, Locale locale) {
		List<QuestionResult> results = new ArrayList<>();
		for (Question question : survey.questions()) {
			if (question.type().isScale()) {
				results.add(scale(question, counts, locale));
			}
			else if (question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.MULTIPLE_CHOICE) {
				results.add(choice(question, counts, locale));
			}
		}
		return new PollResults(results);
	}

	private static QuestionResult scale(Question question, ResultsCounts counts, Locale locale) {
		ScoreCounts scores = counts.scores(question.key(), question.type().min(), question.type().max(),
				ResultsCounts.all());
		List<Row> rows = new ArrayList<>();
		for (int value : question.scale()) {
			long count = scores.count(value);
			rows.add(row(String.valueOf(value), count,
					SurveyMetrics.proportion(MetricDefinition.CHOICE_SHARE, count, scores.n(), MINIMUM)));
		}
		MetricDefinition headline = MetricDefinition.forType(question.type()).get(0);
		Estimate estimate = SurveyMetrics.of(headline, scores, MINIMUM);
		return new QuestionResult(question.key(), question.prompt(locale), scores.n(), rows,
				estimate.enough() ? headline.nameKey() : null,
				estimate.enough() ? headline.format(estimate.value()) : null);
	}

	private static QuestionResult choice(Question question, ResultsCounts counts, Locale locale) {
		Map<Integer, Long> picks = counts.picks(question.key(), ResultsCounts.all());
		long answered = counts.answered(question.key(), ResultsCounts.all());
		List<String> options = question.options(locale);
		List<Row> rows = new ArrayList<>();
		for (ChoiceShare share : SurveyMetrics.choiceShares(picks, options.size(), answered, MINIMUM)) {
			String label = share.other() ? null : options.get(share.option() - 1);
			rows.add(row(label, share.count(), share.share()));
		}
		return new QuestionResult(question.key(), question.prompt(locale), answered, rows, null, null);
	}

	private static Row row(String label, long count, Estimate share) {
		double percent = share.enough() ? share.value() : 0;
		return new Row(label, count, MetricDefinition.CHOICE_SHARE.format(percent), (int) Math.round(percent));
	}

	/**
	 * The results of one question.
	 *
	 * @param key the question's key
	 * @param prompt the question in the reader's language
	 * @param votes how many answered it
	 * @param rows one per answer, in the question's order
	 * @param metricKey the message key of the headline metric's name, or null
	 * @param metric the headline metric's value, formatted, or null
	 */
	record QuestionResult(String key, String prompt, long votes, List<Row> rows, String metricKey, String metric) {

		QuestionResult {
			rows = List.copyOf(rows);
		}

	}

	/**
	 * One answer's votes.
	 *
	 * @param label the answer (null for "Other")
	 * @param count its votes
	 * @param percent its share, formatted
	 * @param width its share rounded to a whole percent, for the bar
	 */
	record Row(String label, long count, String percent, int width) {
	}

}

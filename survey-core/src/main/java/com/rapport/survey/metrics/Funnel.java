package com.rapport.survey.metrics;

import java.util.List;

/**
 * Shown → started → completed, with the drop-off per question.
 *
 * @param shown how often the survey was shown
 * @param started responses started (a first answer given)
 * @param completed responses completed
 * @param questions per question in order, how many answered and who dropped off there
 */
public record Funnel(long shown, long started, long completed, List<Step> questions) {

	public Funnel {
		questions = List.copyOf(questions);
	}

	/** % of the shown that started; NaN when nothing was shown. */
	public double startRate() {
		return SurveyMetrics.percent(this.started, this.shown);
	}

	/** % of the started that completed; NaN when nothing was started. */
	public double completionRate() {
		return SurveyMetrics.percent(this.completed, this.started);
	}

	/** % of the shown that completed; NaN when nothing was shown. */
	public double responseRate() {
		return SurveyMetrics.percent(this.completed, this.shown);
	}

	/**
	 * One question of the funnel.
	 *
	 * @param key the question key
	 * @param answered responses that answered it
	 * @param dropOff % of the responses that answered the question before (or started,
	 * for the first) and did not answer this one
	 */
	public record Step(String key, long answered, double dropOff) {
	}

}

package com.rapport.portal.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.response.SubmissionResult;
import com.rapport.survey.survey.Condition;
import com.rapport.survey.survey.Condition;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;

/**
 * Detractors' responses for the follow-up tests: a published NPS survey with a comment
 * question, answered with a low score.
 */
public final class Detractors {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private Detractors() {
	}

	/**
	 * A new published survey: NPS, then "What should we improve?" for a score of 6 or
	 * less.
	 */
	public static Survey survey(SurveyService surveys) {
		String key = "fu-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
		long id = surveys.create(key, "Shop NPS",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend our shop?", null,
						null),
						new NewQuestion(QuestionType.TEXT, false, "What should we improve?", null, null)
							.shownWhen(new Condition("q1", Condition.Operator.LE, 6))));
		surveys.publish(id);
		TestData.asStaff(() -> {
			surveys.update(id, "Shop NPS", SurveySettings.DEFAULTS);
			return null;
		});
		return surveys.findById(id).orElseThrow();
	}

	/**
	 * A new survey answered at once with {@code score} and {@code comment}.
	 * @return the survey's id
	 */
	public static long answered(SurveyService surveys, ResponseService responses, String respondentHash, int score,
			String comment, Map<String, String> hidden) {
		Survey survey = survey(surveys);
		answer(survey, responses, respondentHash, score, comment, hidden);
		return survey.id();
	}

	/**
	 * Answers {@code survey} with {@code score}, then {@code comment} when it asks why.
	 */
	public static void answer(Survey survey, ResponseService responses, String respondentHash, int score,
			String comment, Map<String, String> hidden) {
		long id = survey.id();
		String publicId = UUID.randomUUID().toString();
		String address = "10.8.0." + (SEQUENCE.get() % 250);
		SubmissionResult first = responses.submit(new Submission(id, survey.currentVersion(), publicId, respondentHash,
				Channel.EMBED, null, "en", Device.DESKTOP, hidden, null, Set.of(),
				Map.of(survey.questions().get(0).id(), List.of(String.valueOf(score))), Map.of(), false, address));
		if (!first.complete()) {
			responses.submit(new Submission(id, survey.currentVersion(), publicId, respondentHash, Channel.EMBED, null,
					"en", Device.DESKTOP, hidden, null, first.passed(),
					Map.of(survey.questions().get(1).id(), List.of(comment)), Map.of(), false, address));
		}
	}

}

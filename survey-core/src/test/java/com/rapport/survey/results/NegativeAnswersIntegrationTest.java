package com.rapport.survey.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rapport.survey.SurveyTestApplication;
import com.rapport.survey.SurveyTestApplication.MutableClock;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.assertj.core.groups.Tuple;
import com.rapport.survey.sentiment.RisingTerms;
import com.rapport.survey.sentiment.RisingTerms.RisingTerm;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What hurts" in survey answers on a worked example: four answers driven by "horrible"
 * two weeks ago (an average of 1.0 a week over the four weeks before this one), then this
 * week three negative answers, two driven by "hate" (2 against 0.0, a rise of 2) and two
 * by "horrible" (2 against 1.0, a rise of 1), and one positive answer, which is not
 * listed. Each term lists the answers of this week it drove.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class NegativeAnswersIntegrationTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	NegativeAnswers negativeAnswers;

	@Autowired
	MutableClock clock;

	@Test
	void theMostNegativeAnswersAndTheTermsRisingInThemThisWeek() {
		// far from the answers of other tests
		this.clock.advance(Duration.ofDays(2000));
		Survey survey = survey();
		for (int i = 0; i < 4; i++) {
			answer(survey, "The app is horrible, number " + i + ".");
		}
		this.clock.advance(Duration.ofDays(14));
		answer(survey, "The app is horrible and I hate it.");
		answer(survey, "Horrible design.");
		answer(survey, "I hate the new menu.");
		answer(survey, "I love it, great work!");
		Instant now = this.clock.instant().plus(Duration.ofMinutes(1));

		NegativeAnswers.Report report = this.negativeAnswers.compute(now);

		List<NegativeAnswers.HurtingAnswer> answers = report.answers()
			.stream()
			.filter((a) -> a.surveyId() == survey.id())
			.toList();
		assertThat(answers).extracting(NegativeAnswers.HurtingAnswer::excerpt)
			.containsExactlyInAnyOrder("The app is horrible and I hate it.", "Horrible design.",
					"I hate the new menu.");
		assertThat(answers.get(0).excerpt()).as("the most negative first")
			.isEqualTo("The app is horrible and I hate it.");
		assertThat(answers.get(0).surveyName()).isEqualTo("Hurting answers");
		assertThat(answers.get(0).position()).isEqualTo((answers.get(0).responseId() + 1) + "-0");
		assertThat(report.terms()).extracting(RisingTerm::term, RisingTerm::thisWeek, RisingTerm::usualText)
			.containsSubsequence(Tuple.tuple("hate", 2, "0.0"), Tuple.tuple("horrible", 2, "1.0"));
		assertThat(RisingTerms.terms(" Hate , hate,awful ")).isEqualTo(List.of("hate", "awful"));

		NegativeAnswers.TermAnswers horrible = this.negativeAnswers.withTerm(" Horrible ", now);
		assertThat(horrible.term()).isEqualTo("horrible");
		assertThat(horrible.answers().stream().filter((a) -> a.surveyId() == survey.id()))
			.as("this week's answers it drove, not those of two weeks ago, the most negative first")
			.extracting(NegativeAnswers.HurtingAnswer::excerpt)
			.containsExactly("The app is horrible and I hate it.", "Horrible design.");
		assertThat(horrible.total()).isEqualTo(2);
		assertThat(this.negativeAnswers.withTerm("hate", now)
			.answers()
			.stream()
			.filter((a) -> a.surveyId() == survey.id())).extracting(NegativeAnswers.HurtingAnswer::excerpt)
			.containsExactly("The app is horrible and I hate it.", "I hate the new menu.");
		assertThat(this.negativeAnswers.withTerm("hate, horrible", now).answers()).as("one term at a time").isEmpty();
		assertThat(this.negativeAnswers.withTerm("  ", now).total()).isZero();
	}

	private Survey survey() {
		NewQuestion text = new NewQuestion(QuestionType.TEXT, true, "What do you think?", null, null);
		long id = this.surveys.create("hurt-" + UUID.randomUUID().toString().substring(0, 8), "Hurting answers",
				List.of(text));
		this.surveys.publish(id);
		this.surveys.update(id, "Hurting answers", new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(),
				Localized.NONE, null, 100, null, null, null, false, 0, null, null, null, null, null, null));
		return this.surveys.findById(id).orElseThrow();
	}

	private void answer(Survey survey, String text) {
		this.responses.submit(new Submission(survey.id(), survey.currentVersion(), UUID.randomUUID().toString(), null,
				Channel.LINK, null, "en", Device.DESKTOP, Map.of(), null, Set.of(),
				Map.of(survey.questions().get(0).id(), List.of(text)), Map.of(), false, null));
	}

}

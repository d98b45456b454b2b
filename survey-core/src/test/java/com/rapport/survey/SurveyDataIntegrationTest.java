package com.rapport.survey;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.rapport.survey.SurveyTestApplication.MutableClock;
import com.rapport.survey.display.DisplayRules;
import com.rapport.survey.display.DisplayRules.Decision;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.ResponseExport;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.RespondentData;
import com.rapport.survey.response.Submission;
import com.rapport.survey.response.SubmissionResult;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.Condition;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Surveys and responses on the real database: versions, idempotent submits, follow-ups,
 * bad input, sampling, recontact waits, export and privacy deletes.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class SurveyDataIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	DisplayRules rules;

	@Autowired
	ResponseExport export;

	@Autowired
	SurveySecrets secrets;

	@Autowired
	RespondentData respondentData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void anAnsweredSurveyIsEditedInANewVersionAndItsResponsesKeepTheirs() {
		Survey survey = npsSurvey(false);
		submit(survey, UUID.randomUUID().toString(), "who-1", Map.of(nps(survey), List.of("9")));

		this.surveys.updateQuestion(survey.id(), "q1",
				new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend our new shop?", null, null));

		Survey edited = this.surveys.findById(survey.id()).orElseThrow();
		assertThat(edited.currentVersion()).isEqualTo(2);
		assertThat(edited.questions().get(0).prompt(Locale.ENGLISH)).contains("new shop");
		assertThat(this.surveys.findVersion(survey.id(), 1).orElseThrow().questions().get(0).prompt(Locale.ENGLISH))
			.contains("recommend us");
		assertThat(this.jdbc.sql("SELECT survey_version FROM survey_response WHERE survey_id = ?")
			.param(survey.id())
			.query(Integer.class)
			.list()).containsExactly(1);
		assertThatThrownBy(() -> this.surveys.updateQuestion(survey.id(), "q1",
				new NewQuestion(QuestionType.CSAT, true, "Satisfied?", null, null)))
			.isInstanceOf(SurveyRejectedException.class)
			.hasMessage("survey.error.typeLocked");
	}

	@Test
	void aDraftWithoutResponsesIsEditedInPlace() {
		long id = this.surveys.create(key(), "Draft",
				List.of(new NewQuestion(QuestionType.CSAT, true, "How satisfied?", "满意吗？", "Довольны?")));
		this.surveys.updateQuestion(id, "q1", new NewQuestion(QuestionType.CES, true, "Easy?", null, null));
		Survey survey = this.surveys.findById(id).orElseThrow();
		assertThat(survey.currentVersion()).isEqualTo(1);
		assertThat(survey.questions()).singleElement().extracting(Question::type).isEqualTo(QuestionType.CES);
	}

	@Test
	void aRepeatedSubmitFindsTheResponseItAlreadyMade() {
		Survey survey = npsSurvey(false);
		String publicId = UUID.randomUUID().toString();
		SubmissionResult first = submit(survey, publicId, "who-2", Map.of(nps(survey), List.of("10")));
		SubmissionResult retry = submit(survey, publicId, "who-2", Map.of(nps(survey), List.of("10")));

		assertThat(first.complete()).isTrue();
		assertThat(retry.complete()).isTrue();
		assertThat(retry.responseId()).isEqualTo(first.responseId());
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id())).isEqualTo(1);
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isEqualTo(1);
	}

	@Test
	void aLowScoreLeadsToTheFollowUpAndAHighOneCompletes() {
		Survey survey = npsSurvey(true);
		SubmissionResult low = submit(survey, UUID.randomUUID().toString(), "who-3", Map.of(nps(survey), List.of("4")));
		assertThat(low.complete()).isFalse();
		assertThat(low.nextStep()).extracting(Question::key).containsExactly("q2");

		SubmissionResult high = submit(survey, UUID.randomUUID().toString(), "who-4",
				Map.of(nps(survey), List.of("9")));
		assertThat(high.complete()).isTrue();

		// the drop-off after the first step stays countable
		assertThat(
				count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND status = 'PARTIAL'", survey.id()))
			.isEqualTo(1);
	}

	@Test
	void badAnswersStoreNothing() {
		Survey survey = npsSurvey(false);
		long question = nps(survey);
		assertThatThrownBy(() -> submit(survey, UUID.randomUUID().toString(), "who-5", Map.of(question, List.of("11"))))
			.hasMessage("survey.error.outOfRange");
		assertThatThrownBy(() -> submit(survey, UUID.randomUUID().toString(), "who-5", Map.of(-7L, List.of("1"))))
			.hasMessage("survey.error.unknownQuestion");
		assertThatThrownBy(() -> submit(survey, UUID.randomUUID().toString(), "who-5", Map.of()))
			.hasMessage("survey.error.required");
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id())).isZero();
	}

	@Test
	void aRespondentAnswersOnceAndAClosedSurveyTakesNoAnswers() {
		Survey survey = npsSurvey(false);
		submit(survey, UUID.randomUUID().toString(), "who-6", Map.of(nps(survey), List.of("7")));
		assertThatThrownBy(
				() -> submit(survey, UUID.randomUUID().toString(), "who-6", Map.of(nps(survey), List.of("8"))))
			.hasMessage("survey.error.alreadyAnswered");
		this.surveys.close(survey.id());
		assertThatThrownBy(
				() -> submit(survey, UUID.randomUUID().toString(), "who-7", Map.of(nps(survey), List.of("8"))))
			.hasMessage("survey.error.closed");
	}

	@Test
	void samplingIsDeterministicPerRespondentAndSurvey() {
		List<Boolean> first = IntStream.range(0, 2000)
			.mapToObj((i) -> DisplayRules.isSampled(this.secrets.hashRespondent("r:" + i), 42, 30))
			.toList();
		List<Boolean> again = IntStream.range(0, 2000)
			.mapToObj((i) -> DisplayRules.isSampled(this.secrets.hashRespondent("r:" + i), 42, 30))
			.toList();
		assertThat(again).isEqualTo(first);
		long sampled = first.stream().filter(Boolean::booleanValue).count();
		assertThat(sampled).isBetween(500L, 700L);
	}

	@Test
	void answeringOrDismissingStartsTheRecontactWaitAcrossSurveys() {
		Survey answered = npsSurvey(false);
		Survey other = npsSurvey(false);
		String who = this.secrets.hashRespondent("r:" + key());
		assertThat(this.rules.decide(other, who)).isEqualTo(Decision.SHOW);

		submit(answered, UUID.randomUUID().toString(), who, Map.of(nps(answered), List.of("8")));
		assertThat(this.rules.decide(other, who)).isEqualTo(Decision.RECONTACT_WAIT);
		assertThat(this.rules.decide(answered, who)).isEqualTo(Decision.ALREADY_ANSWERED);

		this.clock.advance(Duration.ofDays(31));
		assertThat(this.rules.decide(other, who)).isEqualTo(Decision.SHOW);
		this.rules.dismissed(other.id(), who);
		assertThat(this.rules.decide(other, who)).isEqualTo(Decision.RECONTACT_WAIT);
		this.clock.advance(Duration.ofDays(31));
	}

	@Test
	void exportsOneCsvRowPerResponseAndDeletesARespondentOnRequest() throws Exception {
		Survey survey = npsSurvey(true);
		String who = this.secrets.hashRespondent("r:customer-77");
		String publicId = UUID.randomUUID().toString();
		SubmissionResult first = submit(survey, publicId, who, Map.of(nps(survey), List.of("3")));
		Question followUp = first.nextStep().get(0);
		this.responses.submit(new Submission(survey.id(), 1, publicId, who, Channel.EMBED, null, "en", Device.DESKTOP,
				Map.of("plan", "pro"), null, first.passed(), Map.of(followUp.id(), List.of("Too \"slow\", sadly")),
				Map.of(), false, "10.0.0.1"));

		StringWriter csv = new StringWriter();
		this.export.write(survey.id(), csv);
		String[] lines = csv.toString().split("\r\n");
		assertThat(lines[0]).startsWith("\uFEFFresponse,status,version").contains("q1 How likely");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).contains("COMPLETE").endsWith(",3,\"Too \"\"slow\"\", sadly\"");

		assertThat(this.respondentData.deleteRespondent("customer-77")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id())).isZero();
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isZero();
	}

	private Survey npsSurvey(boolean withFollowUp) {
		NewQuestion nps = new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)
			.withLabels(new Localized("Not likely", null, null), new Localized("Very likely", null, null));
		List<NewQuestion> questions = withFollowUp
				? List.of(nps, new NewQuestion(QuestionType.TEXT, false, "What disappointed you?", null, null)
					.shownWhen(new Condition("q1", Condition.Operator.LE, 6)))
				: List.of(nps);
		long id = this.surveys.create(key(), "NPS", questions);
		this.surveys.publish(id);
		this.surveys.update(id, "NPS", SurveySettings.DEFAULTS);
		return this.surveys.findById(id).orElseThrow();
	}

	private SubmissionResult submit(Survey survey, String publicId, String respondent,
			Map<Long, List<String>> answers) {
		return this.responses.submit(new Submission(survey.id(), survey.currentVersion(), publicId, respondent,
				Channel.LINK, null, "en", Device.DESKTOP, Map.of(), null, Set.of(), answers, Map.of(), false,
				"10.0.0." + (SEQUENCE.get() % 250)));
	}

	private static long nps(Survey survey) {
		return survey.questions().get(0).id();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private static String key() {
		return "t-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
	}

}

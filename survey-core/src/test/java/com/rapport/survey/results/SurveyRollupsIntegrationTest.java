package com.rapport.survey.results;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.survey.SurveyTestApplication;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.metrics.ScoreCounts;
import com.rapport.survey.metrics.SurveyMetrics;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.RespondentData;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.sentiment.SentimentLabel;
import com.rapport.survey.results.ResultsCounts.Dimension;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The rollups on the real database: after submissions they hold what the raw answers say,
 * a rebuild gives the same rows, and deleting responses leaves the counts.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class SurveyRollupsIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

	private static final LocalDate UNTIL = LocalDate.of(2100, 1, 1);

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	SurveyRollups rollups;

	@Autowired
	SurveyResults results;

	@Autowired
	ScoreTrends trends;

	@Autowired
	SentimentCorrections corrections;

	@Autowired
	RespondentData respondentData;

	@Autowired
	SurveySecrets secrets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rollupsMatchTheRawAnswersAndARebuildGivesTheSameRows() {
		Survey survey = survey();
		long nps = survey.questions().get(0).id();
		long choice = survey.questions().get(1).id();
		long text = survey.questions().get(2).id();
		String[] scores = { "10", "9", "9", "8", "7", "3", "0", "10" };
		for (int i = 0; i < scores.length; i++) {
			Map<Long, List<String>> answers = new HashMap<>();
			answers.put(nps, List.of(scores[i]));
			if (i % 2 == 0) {
				answers.put(choice, (i % 4 == 0) ? List.of("1", "2") : List.of("other"));
			}
			if (i == 5) {
				answers.put(text, List.of("The app is slow and the support was terrible."));
			}
			if (i == 0) {
				answers.put(text, List.of("Great product, the team is really helpful!"));
			}
			submit(survey, "who-" + i, (i < 4) ? Channel.LINK : Channel.EMBED, answers, Map.of(choice, "a friend"),
					false);
		}
		submit(survey, "partial", Channel.LINK, Map.of(nps, List.of("5")), Map.of(), true);

		ResultsCounts counts = this.results.period(survey.id(), FROM, UNTIL);
		ScoreCounts fromRollups = counts.scores("q1", 0, 10, ResultsCounts.all());
		ScoreCounts fromRaw = ScoreCounts.empty(0, 10);
		this.jdbc
			.sql("SELECT a.number_value, COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
					+ "WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND a.question_id = ? GROUP BY a.number_value")
			.params(survey.id(), nps)
			.query((rs, n) -> fromRaw.add(rs.getInt(1), rs.getLong(2)))
			.list();
		for (int v = 0; v <= 10; v++) {
			assertThat(fromRollups.count(v)).as("score %d", v).isEqualTo(fromRaw.count(v));
		}
		// 4 promoters, 2 passives, 2 detractors of 8: NPS 25
		assertThat(SurveyMetrics.nps(fromRollups, 1).value()).isEqualTo(25.0);
		assertThat(counts.scores("q1", 0, 10, ResultsCounts.where(Dimension.CHANNEL, "LINK")).n()).isEqualTo(4);
		assertThat(counts.picks("q2", ResultsCounts.all())).containsEntry(1, 2L)
			.containsEntry(2, 2L)
			.containsEntry(0, 2L);
		assertThat(counts.answered("q2", ResultsCounts.all())).isEqualTo(4);
		assertThat(counts.started()).isEqualTo(9);
		assertThat(counts.completed()).isEqualTo(8);
		assertThat(counts.reached("q1")).isEqualTo(9);
		assertThat(counts.reached("q3")).isEqualTo(2);
		assertThat(counts.sentiments("q3")).containsEntry("NEGATIVE", 1L).containsEntry("POSITIVE", 1L);
		assertThat(counts.values(Dimension.CHANNEL)).containsExactly("EMBED", "LINK");

		OpenTextPage page = this.results.openTexts(survey.id(), "NEGATIVE", null, null);
		assertThat(page.answers()).singleElement().satisfies((answer) -> {
			assertThat(answer.text()).contains("terrible");
			assertThat(answer.drivers()).contains("terrible");
		});
		assertThat(this.results.openTexts(survey.id(), null, "HELPFUL", null).answers()).hasSize(1);
		assertThat(this.results.openTexts(survey.id(), null, "100%", null).answers()).isEmpty();

		List<String> before = rows(survey.id());
		this.rollups.rebuild();
		assertThat(rows(survey.id())).isEqualTo(before);
	}

	@Test
	void countsStayWhenResponsesAreDeletedAndTheBackfillScoresOldAnswers() {
		Survey survey = survey();
		long nps = survey.questions().get(0).id();
		long text = survey.questions().get(2).id();
		submit(survey, "leaving", Channel.LINK, Map.of(nps, List.of("2"), text, List.of("Not good at all.")), Map.of(),
				false);
		this.jdbc.sql("UPDATE survey_answer SET sentiment_label = NULL WHERE question_id = ?").param(text).update();

		SurveyAnswerSentiment sentiment = new SurveyAnswerSentiment(
				new com.rapport.survey.sentiment.SentimentAnalyzer(), this.jdbc);
		long from = 0;
		while ((from = sentiment.backfill(from, 1)) >= 0) {
			// scores one answer per batch until none is left
		}
		assertThat(this.jdbc.sql("SELECT sentiment_label FROM survey_answer WHERE question_id = ?")
			.param(text)
			.query(String.class)
			.single()).isEqualTo("NEGATIVE");

		asStaff(() -> assertThat(this.respondentData.deleteRespondent("leaving-" + survey.key())).isEqualTo(1));
		ResultsCounts counts = this.results.period(survey.id(), FROM, UNTIL);
		assertThat(counts.completed()).isEqualTo(1);
		assertThat(counts.scores("q1", 0, 10, ResultsCounts.all()).count(2)).isEqualTo(1);
	}

	@Test
	void theOverviewSumsEverySurveyOfAMetricForThe30DaysAndWeekByWeek() {
		Survey npsSurvey = survey();
		long cesSurvey = this.surveys.create("ces-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000,
				"Effort", List.of(new NewQuestion(QuestionType.CES, true, "It was easy to get help.", null, null)));
		// today is Wednesday 12 March 2031: the weeks start on Monday 23 December 2030
		// and the 30 days on 11 February 2031
		rollup(npsSurvey.id(), "q1", "2031-03-11", "v10", 30);
		rollup(npsSurvey.id(), "q1", "2031-03-11", "v9", 10);
		rollup(npsSurvey.id(), "q1", "2031-03-10", "v7", 10);
		rollup(npsSurvey.id(), "q1", "2031-03-10", "v3", 10);
		rollup(npsSurvey.id(), "q1", "2031-02-01", "v0", 40);
		rollup(npsSurvey.id(), "q1", "2030-12-22", "v10", 99);
		rollup(cesSurvey, "q1", "2031-03-12", "v7", 20);
		rollup(cesSurvey, "q1", "2031-03-12", "v5", 10);

		List<ScoreTrends.MetricTrend> trends = this.trends.compute(LocalDate.of(2031, 3, 12));

		ScoreTrends.MetricTrend nps = trends.get(0);
		assertThat(nps.definition()).isEqualTo(MetricDefinition.NPS);
		// 40 promoters, 10 passives, 10 detractors of 60: NPS 50, margin
		// 1.96 * sqrt((0.667 + 0.167 - 0.25) / 60) * 100 = 19.3
		assertThat(nps.current().n()).isEqualTo(60);
		assertThat(nps.current().value()).isCloseTo(50.0, within(1e-9));
		assertThat(nps.current().roundedMargin()).isEqualTo(19.3);
		assertThat(nps.weeks()).hasSize(ScoreTrends.WEEKS);
		assertThat(nps.weeks().get(0).monday()).isEqualTo(LocalDate.of(2030, 12, 23));
		assertThat(nps.weeks().get(0).estimate().n()).isZero();
		assertThat(nps.weeks().get(5).estimate().n()).isEqualTo(40);
		assertThat(nps.weeks().get(5).estimate().value()).isEqualTo(-100.0);
		assertThat(nps.weeks().get(11).estimate().n()).isEqualTo(60);
		ScoreTrends.MetricTrend ces = trends.get(1);
		assertThat(ces.definition()).isEqualTo(MetricDefinition.CES_MEAN);
		assertThat(ces.current().rounded()).isEqualTo(6.33);
		assertThat(trends.get(2).current().n()).isZero();
	}

	@Test
	void staffSeePromotersWithNegativeCommentsAndCorrectTheLabelWhichTheRollupsFollow() {
		Survey survey = survey();
		long nps = survey.questions().get(0).id();
		long text = survey.questions().get(2).id();
		submit(survey, "angry-promoter", Channel.LINK,
				Map.of(nps, List.of("10"), text, List.of("The app is slow and the support was terrible.")), Map.of(),
				false);
		submit(survey, "happy-detractor", Channel.LINK,
				Map.of(nps, List.of("2"), text, List.of("Great product, the team is really helpful!")), Map.of(),
				false);
		submit(survey, "happy-promoter", Channel.LINK,
				Map.of(nps, List.of("9"), text, List.of("Great product, I love it!")), Map.of(), false);
		asStaff(() -> {
			List<SentimentCorrections.Mismatch> mismatches = this.corrections.mismatches(survey.id(), null);
			assertThat(mismatches).extracting(SentimentCorrections.Mismatch::score).containsExactly(2, 10);
			SentimentCorrections.Mismatch angry = mismatches.get(1);
			assertThat(angry.promoter()).isTrue();
			assertThat(angry.label()).isEqualTo("NEGATIVE");

			assertThatThrownBy(() -> this.corrections.correct(survey.id() + 1000, angry.responseId(),
					angry.questionId(), SentimentLabel.NEUTRAL, 7))
				.isInstanceOf(IllegalArgumentException.class);
			assertThat(this.corrections.correct(survey.id(), angry.responseId(), angry.questionId(),
					SentimentLabel.NEUTRAL, 7))
				.isTrue();
			assertThat(this.corrections.correct(survey.id(), angry.responseId(), angry.questionId(),
					SentimentLabel.POSITIVE, 7))
				.isTrue();

			assertThat(this.corrections.mismatches(survey.id(), null)).singleElement()
				.satisfies((m) -> assertThat(m.score()).isEqualTo(2));
			assertThat(this.results.period(survey.id(), FROM, UNTIL).sentiments("q3")).containsEntry("POSITIVE", 3L)
				.containsEntry("NEGATIVE", 0L);
			SentimentCorrections.Accuracy accuracy = this.corrections.accuracy(survey.id());
			assertThat(accuracy.analysed()).isEqualTo(3);
			assertThat(accuracy.corrected()).isEqualTo(1);
			assertThat(accuracy.corrections())
				.containsExactly(new SentimentCorrections.Correction("NEGATIVE", "POSITIVE", 1));
			assertThat(accuracy.agreement()).isCloseTo(66.67, within(0.01));
		});
		List<String> before = rows(survey.id());
		this.rollups.rebuild();
		assertThat(rows(survey.id())).isEqualTo(before);
	}

	@Test
	void mismatchesAndOpenTextsArePagedNewestFirstWithoutLosingAnAnswer() {
		Survey survey = survey();
		long nps = survey.questions().get(0).id();
		long text = survey.questions().get(2).id();
		for (int i = 0; i < 23; i++) {
			submit(survey, "paged-angry-" + i, Channel.LINK, Map.of(nps, List.of("10"), text,
					List.of("The app is slow and the support was terrible. Case " + i + ".")), Map.of(), false);
			submit(survey, "paged-happy-" + i, Channel.LINK,
					Map.of(nps, List.of("9"), text, List.of("Great product, number " + i + "!")), Map.of(), false);
		}
		List<Long> angry = this.jdbc.sql("""
				SELECT a.response_id FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
				WHERE r.survey_id = ? AND a.question_id = ? AND a.sentiment_label = 'NEGATIVE'
				ORDER BY a.response_id DESC""").params(survey.id(), text).query(Long.class).list();
		assertThat(angry).hasSize(23);
		asStaff(() -> {
			List<SentimentCorrections.Mismatch> first = this.corrections.mismatches(survey.id(), null);
			assertThat(first).extracting(SentimentCorrections.Mismatch::responseId)
				.containsExactlyElementsOf(angry.subList(0, SentimentCorrections.PAGE_SIZE));
			assertThat(first).allSatisfy((m) -> assertThat(m.questionKey()).isEqualTo("q3"));
			assertThat(this.corrections.mismatches(survey.id(), first.get(first.size() - 1).responseId()))
				.extracting(SentimentCorrections.Mismatch::responseId)
				.containsExactlyElementsOf(angry.subList(SentimentCorrections.PAGE_SIZE, 23));
		});
		OpenTextPage first = this.results.openTexts(survey.id(), "NEGATIVE", null, null);
		assertThat(first.answers()).extracting(OpenTextAnswer::responseId)
			.containsExactlyElementsOf(angry.subList(0, SurveyResults.PAGE_SIZE));
		assertThat(first.answers()).allSatisfy((a) -> assertThat(a.questionKey()).isEqualTo("q3"));
		assertThat(this.results.openTexts(survey.id(), "NEGATIVE", null, first.next()).answers())
			.extracting(OpenTextAnswer::responseId)
			.containsExactlyElementsOf(angry.subList(SurveyResults.PAGE_SIZE, 23));
	}

	private void asStaff(Runnable action) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("staff", null,
					List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void rollup(long surveyId, String questionKey, String day, String bucket, long answers) {
		RollupCounts counts = new RollupCounts();
		counts.add(surveyId, questionKey, LocalDate.parse(day), new RollupCounts.Dimensions("LINK", "en", "DESKTOP"),
				bucket, answers);
		counts.writeTo(this.jdbc);
	}

	private List<String> rows(long surveyId) {
		return this.jdbc.sql("SELECT CONCAT_WS('|', day, question_key, channel, locale, device, bucket, answers) "
				+ "FROM survey_rollup WHERE survey_id = ? ORDER BY day, question_key, channel, locale, device, bucket")
			.param(surveyId)
			.query(String.class)
			.list();
	}

	private Survey survey() {
		NewQuestion nps = new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null);
		NewQuestion choice = new NewQuestion(QuestionType.MULTIPLE_CHOICE, false,
				new Localized("Where from?", null, null), null, null,
				List.of(new Localized("Search", null, null), new Localized("Ad", null, null)), true, null);
		NewQuestion text = new NewQuestion(QuestionType.TEXT, false, "Why?", null, null);
		long id = this.surveys.create("r-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000, "Results",
				List.of(nps, choice, text));
		this.surveys.publish(id);
		SurveySettings settings = new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(), Localized.NONE,
				null, 100, null, null, null, false, 0, null, null, null, null, null, null);
		this.surveys.update(id, "Results", settings);
		return this.surveys.findById(id).orElseThrow();
	}

	private void submit(Survey survey, String respondent, Channel channel, Map<Long, List<String>> answers,
			Map<Long, String> others, boolean partial) {
		this.responses.submit(new Submission(survey.id(), survey.currentVersion(), UUID.randomUUID().toString(),
				this.secrets.hashRespondent("r:" + respondent + "-" + survey.key()), channel, null, "en",
				Device.DESKTOP, Map.of(), null, Set.of(), answers, others, partial, null));
	}

}

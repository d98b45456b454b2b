package com.rapport.survey.response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.survey.SurveyTestApplication;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answers of many respondents written together (group commit, {@link ResponseWriter})
 * on the real database: each response stored exactly once and acknowledged only once it
 * is committed, a retried or doubled submit not stored twice, and a batch whose commit
 * fails answering every request of it with an error and storing nothing of it.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class GroupCommitIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchProbe probe;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		this.probe.reset();
		this.pool = Executors.newFixedThreadPool(24);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.probe.reset();
		this.pool.shutdownNow();
		this.pool.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void concurrentSubmitsOfManyRespondentsAreEachStoredOnceAndAcknowledgedOnlyOnceCommitted() throws Exception {
		Survey survey = npsSurvey();
		int respondents = 120;
		List<Future<Long>> acknowledged = new ArrayList<>();
		for (int i = 0; i < respondents; i++) {
			String publicId = UUID.randomUUID().toString();
			String who = "many-" + i + "-" + SEQUENCE.incrementAndGet();
			int score = i % 11;
			acknowledged.add(this.pool.submit(() -> {
				SubmissionResult result = submit(survey, publicId, who, score);
				// the moment a request is answered, another connection sees its response
				// complete: it was committed before the acknowledgement
				assertThat(status(publicId)).isEqualTo("COMPLETE");
				assertThat(result.complete()).isTrue();
				return result.responseId();
			}));
		}
		Set<Long> ids = new HashSet<>();
		for (Future<Long> ack : acknowledged) {
			ids.add(ack.get(60, TimeUnit.SECONDS));
		}
		assertThat(ids).hasSize(respondents);
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND status = 'COMPLETE'", survey))
			.isEqualTo(respondents);
		assertThat(count("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
				+ "WHERE r.survey_id = ?", survey))
			.isEqualTo(respondents);
		assertThat(count("SELECT COUNT(*) FROM survey_contact WHERE survey_id = ? AND answered_at IS NOT NULL", survey))
			.isEqualTo(respondents);
		assertThat(count("SELECT answers FROM survey_rollup WHERE survey_id = ? AND question_key = '' "
				+ "AND bucket = 'completed'", survey))
			.isEqualTo(respondents);
		assertThat(count("SELECT COALESCE(SUM(answers), 0) FROM survey_rollup WHERE survey_id = ? "
				+ "AND question_key = 'q1' AND bucket LIKE 'v%'", survey))
			.isEqualTo(respondents);
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isEqualTo(respondents);
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND counted = FALSE", survey))
			.isZero();
		assertThat(this.probe.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(respondents);
	}

	@Test
	void aRetriedOrDoubledSubmitWithTheSameResponseIdIsStoredOnce() throws Exception {
		Survey survey = npsSurvey();
		List<String> ids = new ArrayList<>();
		List<Future<SubmissionResult>> sent = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String publicId = UUID.randomUUID().toString();
			String who = "twice-" + i + "-" + SEQUENCE.incrementAndGet();
			ids.add(publicId);
			// each page sent three times at once, as an impatient double click would
			for (int copy = 0; copy < 3; copy++) {
				sent.add(this.pool.submit(() -> submit(survey, publicId, who, 9)));
			}
		}
		Map<String, Long> stored = new java.util.HashMap<>();
		for (int i = 0; i < sent.size(); i++) {
			SubmissionResult result = sent.get(i).get(60, TimeUnit.SECONDS);
			assertThat(result.complete()).as("every copy is acknowledged").isTrue();
			Long before = stored.putIfAbsent(ids.get(i / 3), result.responseId());
			if (before != null) {
				assertThat(result.responseId()).as("every copy names the same response").isEqualTo(before);
			}
		}
		// and each sent again later, as the answer page does after an error
		for (int i = 0; i < ids.size(); i++) {
			SubmissionResult retry = submit(survey, ids.get(i), "twice-retry-" + i, 9);
			assertThat(retry.complete()).isTrue();
			assertThat(retry.responseId()).isEqualTo(stored.get(ids.get(i)));
			assertThat(retry.counted()).as("a retry completes nothing").isFalse();
		}
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey)).isEqualTo(20);
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isEqualTo(20);
		assertThat(count("SELECT answers FROM survey_rollup WHERE survey_id = ? AND question_key = '' "
				+ "AND bucket = 'started'", survey))
			.isEqualTo(20);
	}

	@Test
	void aBatchWhoseCommitFailsAnswersEveryWaitingRequestWithAnErrorAndStoresNothingOfIt() throws Exception {
		Survey survey = npsSurvey();
		// the first batch is held just before its commit, so the others queue behind it
		var entered = this.probe.hold();
		String firstId = UUID.randomUUID().toString();
		Future<SubmissionResult> first = this.pool.submit(() -> submit(survey, firstId, "held-first", 2));
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		List<String> queuedIds = new ArrayList<>();
		List<Future<SubmissionResult>> queued = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String publicId = UUID.randomUUID().toString();
			String who = "held-" + i + "-" + SEQUENCE.incrementAndGet();
			queuedIds.add(publicId);
			// detractors: their follow-ups are written in the same transaction
			queued.add(this.pool.submit(() -> submit(survey, publicId, who, 3)));
		}
		Thread.sleep(300);
		// nothing is acknowledged while the transaction has not committed, and nothing
		// of it can be seen from outside
		assertThat(first.isDone()).isFalse();
		assertThat(queued).noneMatch(Future::isDone);
		assertThat(status(firstId)).isNull();

		this.probe.failCommits(true);
		this.probe.release();
		assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessException.class);
		for (Future<SubmissionResult> request : queued) {
			assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessException.class);
		}
		assertThat(this.probe.sizes).as("the queued requests formed a batch").anyMatch((size) -> size > 1);
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey)).isZero();
		assertThat(count("SELECT COUNT(*) FROM survey_contact WHERE survey_id = ?", survey)).isZero();
		assertThat(count("SELECT COUNT(*) FROM survey_rollup WHERE survey_id = ?", survey)).isZero();
		assertThat(count("SELECT COUNT(*) FROM survey_webhook_delivery WHERE survey_id = ?", survey)).isZero();
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isZero();

		// the pages send the same answers again: each stored once
		this.probe.failCommits(false);
		List<Future<SubmissionResult>> again = new ArrayList<>();
		for (int i = 0; i < queuedIds.size(); i++) {
			String publicId = queuedIds.get(i);
			String who = "again-" + i;
			again.add(this.pool.submit(() -> submit(survey, publicId, who, 3)));
		}
		for (Future<SubmissionResult> request : again) {
			assertThat(request.get(30, TimeUnit.SECONDS).complete()).isTrue();
		}
		assertThat(submit(survey, firstId, "held-first", 2).complete()).isTrue();
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey)).isEqualTo(13);
		assertThat(this.surveys.findById(survey.id()).orElseThrow().responseCount()).isEqualTo(13);
	}

	@Test
	void aRespondentStartsTwentyResponsesAMinuteAndTheNextIsRefused() {
		Survey survey = npsSurvey();
		this.surveys.update(survey.id(), "Group commit NPS", new SurveySettings(SurveySettings.DEFAULTS.displayMode(),
				List.of(), null, null, 100, null, null, null, false, 0, null, null, null, null, null, null));
		Survey current = this.surveys.findById(survey.id()).orElseThrow();
		String who = "limited-" + SEQUENCE.incrementAndGet();
		for (int n = 1; n <= 20; n++) {
			assertThat(submit(current, UUID.randomUUID().toString(), who, 8).complete()).isTrue();
		}
		assertThatThrownBy(() -> submit(current, UUID.randomUUID().toString(), who, 8))
			.isInstanceOf(com.rapport.survey.survey.SurveyRejectedException.class)
			.hasMessageContaining("rateLimited");
		assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey)).isEqualTo(20);
	}

	private Survey npsSurvey() {
		String key = "gc-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.surveys.create(key, "Group commit NPS",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)));
		this.surveys.publish(id);
		this.surveys.update(id, "Group commit NPS", new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(),
				null, null, 100, null, null, null, true, 0, null, null, null, null, null, null));
		return this.surveys.findById(id).orElseThrow();
	}

	private SubmissionResult submit(Survey survey, String publicId, String respondent, int score) {
		return this.responses.submit(new Submission(survey.id(), survey.currentVersion(), publicId, respondent,
				Channel.EMBED, null, "en", Device.DESKTOP, Map.of(), null, Set.of(),
				Map.of(survey.questions().get(0).id(), List.of(Integer.toString(score))), Map.of(), false,
				// an address per respondent: the per-address limit is not what these
				// tests are about
				"10.9." + Math.floorMod(respondent.hashCode(), 250) + "."
						+ Math.floorMod(respondent.hashCode() >> 8, 250)));
	}

	private String status(String publicId) {
		return this.jdbc.sql("SELECT status FROM survey_response WHERE public_id = ?")
			.param(publicId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long count(String sql, Survey survey) {
		return this.jdbc.sql(sql).param(survey.id()).query(Long.class).optional().orElse(0L);
	}

}

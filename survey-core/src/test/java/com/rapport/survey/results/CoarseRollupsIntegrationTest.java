package com.rapport.survey.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.survey.SurveyTestApplication;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.metrics.SurveyMetrics;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.results.ResultsCounts.Dimension;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coarse rollups (totals and one dimension at a time, per day, week and month) that
 * the results page reads, on the real database, for a worked example of responses over
 * several weeks, channels, locales and devices: every count the page shows (and so NPS,
 * CES, CSAT, choices, sentiment, funnel, trend, breakdowns and the analyser's accuracy)
 * is the same from the coarse tables, from the fine table and from the raw responses,
 * after a rebuild, after new answers counted incrementally, and as the migration fills
 * them from the fine table.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class CoarseRollupsIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/**
	 * The worked example runs from Monday 15 December 2025 to Tuesday 10 February 2026.
	 */
	private static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 15);

	private static final int DAYS = 58;

	private static final String[] CHANNELS = { "LINK", "EMBED", "FORUM" };

	private static final String[] LOCALES = { "en", "zh-CN", "ru" };

	private static final String[] DEVICES = { "DESKTOP", "MOBILE", "TABLET" };

	private static final String[] LABELS = { "POSITIVE", "NEUTRAL", "NEGATIVE", null };

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	SurveyRollups rollups;

	@Autowired
	SurveyResults results;

	@Autowired
	SentimentCorrections corrections;

	@Autowired
	SurveySecrets secrets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theCoarseTablesTheFineTableAndTheRawResponsesGiveThePageTheSameFigures() {
		Survey survey = survey();
		workedExample(survey);
		this.rollups.rebuild();

		// a period with a whole month, whole weeks and single days at both ends
		assertSameFigures(survey, LocalDate.of(2025, 12, 18), LocalDate.of(2026, 2, 6));
		// 30 days from a Wednesday, and the whole example
		assertSameFigures(survey, LocalDate.of(2026, 1, 7), LocalDate.of(2026, 2, 6));
		assertSameFigures(survey, FIRST_DAY, FIRST_DAY.plusDays(DAYS));
		assertThat(this.results.allTime(survey.id()))
			.isEqualTo(totalsFromRaw(survey, FIRST_DAY.minusYears(1), FIRST_DAY.plusYears(1)));

		ResultsCounts period = this.results.period(survey.id(), FIRST_DAY, FIRST_DAY.plusDays(DAYS));
		// 174 responses, 21 of them partial, and the last completed after the last day
		assertThat(period.started()).isEqualTo(174);
		assertThat(period.completed()).isEqualTo(174 - 21 - 1);
		assertThat(period.values(Dimension.CHANNEL)).containsExactly("EMBED", "FORUM", "LINK");
		assertThat(period.values(Dimension.LOCALE)).containsExactly("en", "ru", "zh-CN");
		assertThat(SurveyMetrics.of(MetricDefinition.NPS, period.scores("q1", 0, 10, ResultsCounts.all()), 30).n())
			.isEqualTo(period.completed());
		asStaff(() -> assertThat(this.corrections.accuracy(survey.id()).analysed()).isEqualTo(analysedFromRaw(survey)));
	}

	@Test
	void newAnswersAreCountedIncrementallyInEveryTableAndARebuildGivesTheSameRows() {
		Survey survey = survey();
		workedExample(survey);
		this.rollups.rebuild();
		Map<Long, List<String>> answers = new HashMap<>();
		Question[] q = survey.questions().toArray(new Question[0]);
		Channel[] channels = { Channel.LINK, Channel.EMBED, Channel.FORUM };
		Device[] devices = { Device.DESKTOP, Device.MOBILE, Device.TABLET };
		for (int i = 0; i < 9; i++) {
			answers.put(q[0].id(), List.of(String.valueOf(i + 2)));
			answers.put(q[1].id(), List.of(String.valueOf(1 + i % 7)));
			answers.put(q[2].id(), List.of(String.valueOf(1 + i % 5)));
			answers.put(q[3].id(), List.of((i % 2 == 0) ? "Great product, the team is really helpful!"
					: "The app is slow and the support was terrible."));
			answers.put(q[4].id(), (i % 3 == 0) ? List.of("1", "2") : List.of("other"));
			this.responses.submit(new Submission(survey.id(), survey.currentVersion(), UUID.randomUUID().toString(),
					this.secrets.hashRespondent("coarse-" + i + "-" + survey.key()), channels[i % 3], null,
					LOCALES[(i / 3) % 3], devices[(i + 1) % 3], Map.of(), null, Set.of(), answers,
					Map.of(q[4].id(), "a friend"), i == 8, null));
		}
		LocalDate until = this.rollups.today().plusDays(1);
		LocalDate from = FIRST_DAY.isBefore(until.minusDays(90)) ? FIRST_DAY : until.minusDays(90);
		LocalDate last = until.isAfter(FIRST_DAY.plusDays(DAYS)) ? until : FIRST_DAY.plusDays(DAYS);
		assertSameFigures(survey, from, last);

		List<String> before = coarseRows(survey.id());
		this.rollups.rebuild();
		assertThat(coarseRows(survey.id())).isEqualTo(before);
		assertSameFigures(survey, from, last);
	}

	@Test
	void aStaffCorrectionMovesTheAnswerInEveryTableAsARebuildWould() {
		Survey survey = survey();
		workedExample(survey);
		this.rollups.rebuild();
		asStaff(() -> {
			SentimentCorrections.Mismatch mismatch = this.corrections.mismatches(survey.id(), null).get(0);
			assertThat(this.corrections.correct(survey.id(), mismatch.responseId(), mismatch.questionId(),
					com.rapport.survey.sentiment.SentimentLabel.NEUTRAL, 7))
				.isTrue();
		});
		assertSameFigures(survey, FIRST_DAY, FIRST_DAY.plusDays(DAYS));
		List<String> before = coarseRows(survey.id());
		this.rollups.rebuild();
		assertThat(coarseRows(survey.id())).isEqualTo(before);
	}

	@Test
	void theMigrationFillsTheCoarseTablesFromTheFineOneAsTheLiveWritesDo() throws IOException {
		Survey survey = survey();
		workedExample(survey);
		this.rollups.rebuild();
		List<String> written = coarseRows(survey.id());
		String migration = new ClassPathResource("db/migration/V33__coarser_survey_rollups.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> inserts = new ArrayList<>();
		for (String statement : migration.split(";")) {
			String sql = statement.lines().filter((line) -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
			if (sql.strip().startsWith("INSERT")) {
				inserts.add(sql);
			}
		}
		assertThat(inserts).hasSize(2);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM survey_total_rollup").update();
			this.jdbc.sql("DELETE FROM survey_dimension_rollup").update();
			inserts.forEach((sql) -> this.jdbc.sql(sql).update());
			assertThat(coarseRows(survey.id())).isEqualTo(written);
			status.setRollbackOnly();
		});
	}

	@Test
	void aPeriodIsCoveredByWholeMonthsWeeksAndDaysOnce() {
		LocalDate from = LocalDate.of(2025, 11, 27);
		LocalDate until = LocalDate.of(2026, 11, 27);
		Map<RollupSpan, List<LocalDate>> spans = RollupSpan.cover(from, until, true);
		assertThat(spans.get(RollupSpan.MONTH)).hasSize(11).startsWith(LocalDate.of(2025, 12, 1));
		int spanCount = spans.values().stream().mapToInt(List::size).sum();
		assertThat(spanCount).isLessThan(30);
		for (boolean months : new boolean[] { true, false }) {
			Map<LocalDate, Integer> covered = new TreeMap<>();
			RollupSpan.cover(from, until, months).forEach((span, days) -> days.forEach((first) -> {
				LocalDate end = (span == RollupSpan.MONTH) ? first.plusMonths(1)
						: (span == RollupSpan.WEEK) ? first.plusWeeks(1) : first.plusDays(1);
				assertThat(span.firstDayOf(first)).isEqualTo(first);
				if (span == RollupSpan.WEEK && months) {
					// within one month, so a monthly trend can bucket it
					assertThat(end.minusDays(1).getMonth()).isEqualTo(first.getMonth());
				}
				for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
					covered.merge(day, 1, Integer::sum);
				}
			}));
			assertThat(covered).hasSize(365).allSatisfy((day, times) -> assertThat(times).isEqualTo(1));
			assertThat(covered.keySet().iterator().next()).isEqualTo(from);
		}
		assertThat(RollupSpan.cover(from, from, true).values()).allSatisfy((days) -> assertThat(days).isEmpty());
	}

	/**
	 * Checks that the page's counts of a period (current period with breakdowns,
	 * previous-period totals, weekly and monthly trend) are the same from every source.
	 */
	private void assertSameFigures(Survey survey, LocalDate from, LocalDate until) {
		ResultsCounts raw = fromRaw(survey, from, until);
		assertThat(this.results.period(survey.id(), from, until)).isEqualTo(raw);
		assertThat(fromFine(survey.id(), from, until)).isEqualTo(raw);
		assertThat(this.results.totals(survey.id(), from, until)).isEqualTo(totalsFromRaw(survey, from, until));
		for (boolean months : new boolean[] { true, false }) {
			LocalDate trendFrom = months ? from.withDayOfMonth(1) : from.with(java.time.DayOfWeek.MONDAY);
			Map<String, Long> expected = trendFromFine(survey.id(), trendFrom, until, months);
			assertThat(trend(this.results.trend(survey.id(), trendFrom, until, months), months)).isEqualTo(expected);
			assertThat(expected).isNotEmpty();
		}
	}

	/** The worked example: three responses a day, one in eight partial, in raw rows. */
	private void workedExample(Survey survey) {
		List<Question> questions = survey.questions();
		int n = 0;
		for (int d = 0; d < DAYS; d++) {
			LocalDate day = FIRST_DAY.plusDays(d);
			for (int k = 0; k < 3; k++, n++) {
				// the last of each day completes after midnight: started and completed
				// count on different days
				Instant started = day.atTime((k == 2) ? LocalTime.of(23, 59, 50) : LocalTime.of(9 + k, 0))
					.toInstant(ZoneOffset.UTC);
				boolean complete = n % 8 != 7;
				KeyHolder keys = new GeneratedKeyHolder();
				this.jdbc.sql("""
						INSERT INTO survey_response (public_id, survey_id, survey_version, channel, locale, device,
						  status, started_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(UUID.randomUUID().toString(), survey.id(), survey.currentVersion(), CHANNELS[n % 3],
							LOCALES[(n / 3) % 3], DEVICES[(n / 2) % 3], complete ? "COMPLETE" : "PARTIAL",
							Timestamp.from(started), complete ? Timestamp.from(started.plusSeconds(30)) : null)
					.update(keys, "id");
				long id = keys.getKey().longValue();
				answer(id, questions.get(0).id(), n % 11, null, null, null);
				if (!complete) {
					continue;
				}
				answer(id, questions.get(1).id(), 1 + n % 7, null, null, null);
				answer(id, questions.get(2).id(), 1 + (n * 3) % 5, null, null, null);
				if (n % 3 == 0) {
					answer(id, questions.get(3).id(), null, null, "Comment " + n, LABELS[(n / 3) % 4]);
				}
				if (n % 4 != 3) {
					answer(id, questions.get(4).id(), null, (n % 2 == 0) ? "1,2" : "2", (n % 5 == 0) ? "other" : null,
							null);
				}
			}
		}
	}

	private void answer(long responseId, long questionId, Integer number, String choices, String text, String label) {
		this.jdbc.sql("""
				INSERT INTO survey_answer (response_id, question_id, number_value, choice_values, text_value,
				  sentiment_label) VALUES (?, ?, ?, ?, ?, ?)
				""").params(responseId, questionId, number, choices, text, label).update();
	}

	/**
	 * The counts of a period straight from the responses: started and each question
	 * reached on the day a response started, completed and each answer's buckets on the
	 * day it was completed.
	 */
	private ResultsCounts fromRaw(Survey survey, LocalDate from, LocalDate until) {
		ResultsCounts counts = new ResultsCounts();
		rawBuckets(survey, from, until).forEach((row) -> {
			counts.add(row.questionKey(), row.bucket(), 1);
			for (Dimension dimension : Dimension.values()) {
				counts.add(dimension, row.dims().of(dimension), row.questionKey(), row.bucket(), 1);
			}
		});
		return counts;
	}

	private ResultsCounts totalsFromRaw(Survey survey, LocalDate from, LocalDate until) {
		ResultsCounts counts = new ResultsCounts();
		rawBuckets(survey, from, until).forEach((row) -> counts.add(row.questionKey(), row.bucket(), 1));
		return counts;
	}

	private long analysedFromRaw(Survey survey) {
		return rawBuckets(survey, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)).stream()
			.filter((row) -> List.of("s:POSITIVE", "s:NEUTRAL", "s:NEGATIVE").contains(row.bucket()))
			.count();
	}

	private List<RawBucket> rawBuckets(Survey survey, LocalDate from, LocalDate until) {
		Map<Long, String[]> types = new HashMap<>();
		survey.questions().forEach((q) -> types.put(q.id(), new String[] { q.key(), q.type().name() }));
		Map<Long, RawResponse> responses = new HashMap<>();
		this.jdbc
			.sql("SELECT id, channel, locale, device, started_at, completed_at FROM survey_response "
					+ "WHERE survey_id = ?")
			.param(survey.id())
			.query((rs, i) -> {
				Timestamp completed = rs.getTimestamp(6);
				return responses.put(rs.getLong(1),
						new RawResponse(new RollupCounts.Dimensions(rs.getString(2), rs.getString(3), rs.getString(4)),
								day(rs.getTimestamp(5)), (completed != null) ? day(completed) : null));
			})
			.list();
		List<RawBucket> rows = new ArrayList<>();
		responses.values().forEach((r) -> {
			if (inPeriod(r.started(), from, until)) {
				rows.add(new RawBucket(r.dims(), RollupCounts.FUNNEL, RollupCounts.STARTED));
			}
			if (r.completed() != null && inPeriod(r.completed(), from, until)) {
				rows.add(new RawBucket(r.dims(), RollupCounts.FUNNEL, RollupCounts.COMPLETED));
			}
		});
		this.jdbc
			.sql("SELECT a.response_id, a.question_id, a.number_value, a.choice_values, a.text_value, "
					+ "a.sentiment_label FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
					+ "WHERE r.survey_id = ?")
			.param(survey.id())
			.query((rs, i) -> {
				RawResponse r = responses.get(rs.getLong(1));
				String[] question = types.get(rs.getLong(2));
				if (inPeriod(r.started(), from, until)) {
					rows.add(new RawBucket(r.dims(), question[0], RollupCounts.REACHED));
				}
				if (r.completed() == null || !inPeriod(r.completed(), from, until)) {
					return null;
				}
				rows.add(new RawBucket(r.dims(), question[0], RollupCounts.ANSWERED));
				switch (question[1]) {
					case "TEXT" -> rows.add(new RawBucket(r.dims(), question[0],
							"s:" + ((rs.getString(6) != null) ? rs.getString(6) : "NOT_ANALYSED")));
					case "MULTIPLE_CHOICE" -> {
						if (rs.getString(4) != null) {
							for (String choice : rs.getString(4).split(",")) {
								rows.add(new RawBucket(r.dims(), question[0], "c" + choice));
							}
						}
						if (rs.getString(5) != null) {
							rows.add(new RawBucket(r.dims(), question[0], "c0"));
						}
					}
					default -> rows.add(new RawBucket(r.dims(), question[0], "v" + rs.getInt(3)));
				}
				return null;
			})
			.list();
		return rows;
	}

	/** The counts of a period from the fine table, per combination of the dimensions. */
	private ResultsCounts fromFine(long surveyId, LocalDate from, LocalDate until) {
		ResultsCounts counts = new ResultsCounts();
		this.jdbc
			.sql("SELECT question_key, bucket, channel, locale, device, answers FROM survey_rollup "
					+ "WHERE survey_id = ? AND day >= ? AND day < ?")
			.params(surveyId, from, until)
			.query((rs, i) -> {
				counts.add(rs.getString(1), rs.getString(2), rs.getLong(6));
				RollupCounts.Dimensions dims = new RollupCounts.Dimensions(rs.getString(3), rs.getString(4),
						rs.getString(5));
				for (Dimension dimension : Dimension.values()) {
					if (!dims.of(dimension).isEmpty()) {
						counts.add(dimension, dims.of(dimension), rs.getString(1), rs.getString(2), rs.getLong(6));
					}
				}
				return null;
			})
			.list();
		return counts;
	}

	private Map<String, Long> trendFromFine(long surveyId, LocalDate from, LocalDate until, boolean months) {
		return trend(this.jdbc
			.sql("SELECT day, question_key, bucket, answers FROM survey_rollup "
					+ "WHERE survey_id = ? AND day >= ? AND day < ? AND question_key <> ''")
			.params(surveyId, from, until)
			.query((rs, i) -> new SurveyResults.DayCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
					rs.getLong(4)))
			.list(), months);
	}

	/** Sums the rows of a trend into its buckets, as the page does. */
	private static Map<String, Long> trend(List<SurveyResults.DayCount> rows, boolean months) {
		Map<String, Long> buckets = new TreeMap<>();
		rows.forEach((row) -> {
			LocalDate bucket = months ? row.day().withDayOfMonth(1) : row.day().with(java.time.DayOfWeek.MONDAY);
			buckets.merge(bucket + "|" + row.questionKey() + "|" + row.bucket(), row.count(), Long::sum);
		});
		return buckets;
	}

	private List<String> coarseRows(long surveyId) {
		List<String> rows = new ArrayList<>(this.jdbc
			.sql("SELECT CONCAT_WS('|', span, first_day, question_key, bucket, answers) FROM survey_total_rollup "
					+ "WHERE survey_id = ? ORDER BY span, first_day, question_key, bucket")
			.param(surveyId)
			.query(String.class)
			.list());
		rows.addAll(this.jdbc
			.sql("SELECT CONCAT_WS('|', span, first_day, dimension, dimension_value, question_key, "
					+ "bucket, answers) FROM survey_dimension_rollup WHERE survey_id = ? "
					+ "ORDER BY span, first_day, dimension, dimension_value, question_key, bucket")
			.param(surveyId)
			.query(String.class)
			.list());
		return rows;
	}

	private static boolean inPeriod(LocalDate day, LocalDate from, LocalDate until) {
		return !day.isBefore(from) && day.isBefore(until);
	}

	private static LocalDate day(Timestamp timestamp) {
		return LocalDate.ofInstant(timestamp.toInstant(), ZoneOffset.UTC);
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

	private Survey survey() {
		NewQuestion choice = new NewQuestion(QuestionType.MULTIPLE_CHOICE, false,
				new Localized("Where from?", null, null), null, null,
				List.of(new Localized("Search", null, null), new Localized("Ad", null, null)), true, null);
		long id = this.surveys.create("coarse-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000,
				"Coarse rollups",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null),
						new NewQuestion(QuestionType.CES, false, "It was easy to get help.", null, null),
						new NewQuestion(QuestionType.CSAT, false, "How satisfied are you?", null, null),
						new NewQuestion(QuestionType.TEXT, false, "Why?", null, null), choice));
		this.surveys.publish(id);
		SurveySettings settings = new SurveySettings(SurveySettings.DEFAULTS.displayMode(), List.of(), Localized.NONE,
				null, 100, null, null, null, false, 0, null, null, null, null, null, null);
		this.surveys.update(id, "Coarse rollups", settings);
		return this.surveys.findById(id).orElseThrow();
	}

	private record RawResponse(RollupCounts.Dimensions dims, LocalDate started, LocalDate completed) {
	}

	private record RawBucket(RollupCounts.Dimensions dims, String questionKey, String bucket) {
	}

}

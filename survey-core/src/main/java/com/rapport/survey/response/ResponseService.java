package com.rapport.survey.response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import com.rapport.survey.results.SurveyAnswerSentiment;
import com.rapport.survey.results.SurveyRollups;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyFlow;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveyService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores answers. A response is created by its first answers, identified by the id the
 * answering page carries, so a retried or repeated request finds it again instead of
 * making a second one; each step's answers are saved as they come (drop-offs stay
 * countable), and the response is complete when its last step is answered.
 */
@Service
public class ResponseService {

	private static final int MAX_HIDDEN_FIELDS = 20;

	private static final int MAX_HIDDEN_KEY = 40;

	private static final int MAX_HIDDEN_VALUE = 200;

	private static final int CREATED_REMEMBERED = 50_000;

	private static final int WRITER_ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final SurveyService surveys;

	private final AnswerRateLimits rateLimits;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int perAddressLimit;

	private final int perRespondentLimit;

	private final SurveyRollups rollups;

	private final SurveyAnswerSentiment answerSentiment;

	private final ResponseWriter writer;

	/**
	 * The response ids created through this node lately: a request for one of them goes
	 * straight to the existing response instead of through the writer. Only a shortcut:
	 * whether a response exists is decided by the database (unique key on the id).
	 */
	private final RecentIds createdHere = new RecentIds(CREATED_REMEMBERED);

	ResponseService(JdbcClient jdbc, SurveyService surveys, AnswerRateLimits rateLimits,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events, Clock clock,
			@Value("${rapport.survey.rate.per-address:120}") int perAddressLimit,
			@Value("${rapport.survey.rate.per-respondent:20}") int perRespondentLimit, SurveyRollups rollups,
			SurveyAnswerSentiment answerSentiment, ResponseWriter writer) {
		this.writer = writer;
		this.rollups = rollups;
		this.answerSentiment = answerSentiment;
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.rateLimits = rateLimits;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
		this.perAddressLimit = perAddressLimit;
		this.perRespondentLimit = perRespondentLimit;
	}

	/**
	 * Saves a step's answers (or one answer), creating the response on its first answers.
	 * Nothing is stored when anything is wrong. The first answers of a new response are
	 * written together with other requests' by the {@link ResponseWriter} (group commit);
	 * this returns once they are committed.
	 * @param submission the answers and where they come from
	 * @return what comes next
	 * @throws SurveyRejectedException naming why nothing was stored
	 */
	public SubmissionResult submit(Submission submission) {
		if (submission.personalLinkId() == null && submission.passed().isEmpty() && this.writer.isEnabled()
				&& !this.createdHere.contains(submission.publicId())) {
			SubmissionResult written = writeNew(submission);
			if (written != null) {
				return written;
			}
		}
		return submitOnItsOwn(submission);
	}

	/**
	 * Hands the first answers of what looks like a new response to the writer.
	 * @return the result, or null when the request must be handled on its own (the
	 * response exists, the answers are refused, the writer is stopping)
	 */
	private SubmissionResult writeNew(Submission submission) {
		for (int attempt = 1; attempt <= WRITER_ATTEMPTS; attempt++) {
			Survey survey = this.surveys.findRecentVersion(submission.surveyId(), submission.version()).orElse(null);
			if (survey == null || survey.questions().isEmpty()) {
				return null;
			}
			NewResponse response;
			try {
				response = prepare(survey, submission);
			}
			catch (SurveyRejectedException ex) {
				// said by the request on its own, which also knows a stored response's
				// earlier answers
				return null;
			}
			ResponseWriter.Outcome outcome = this.writer.write(response);
			switch (outcome.kind()) {
				case STORED -> {
					this.createdHere.add(submission.publicId());
					return response.result(outcome.responseId());
				}
				case EXISTS -> {
					ExistingResponse existing = outcome.existing();
					if (existing != null && existing.complete() && existing.surveyId() == survey.id()) {
						// a retry of a request that completed it: the same outcome
						return new SubmissionResult(existing.id(), true, List.of(), submission.passed());
					}
					return null;
				}
				case STALE -> this.surveys.forget(submission.surveyId());
				case REJECTED -> throw new SurveyRejectedException(outcome.messageKey());
				default -> {
					return null;
				}
			}
		}
		return null;
	}

	/**
	 * Checks the answers of a new response's first step, as {@link #store} would for a
	 * response without stored answers.
	 */
	private NewResponse prepare(Survey survey, Submission submission) {
		Map<String, Integer> numbers = new HashMap<>();
		List<Question> step = SurveyFlow.nextStep(survey, numbers, submission.passed());
		List<ParsedAnswer> parsed = parse(survey, step, submission);
		if (!submission.partial()) {
			requireAnswered(step, parsed, Map.of());
		}
		String hidden = encodeHidden(submission.hiddenFields());
		List<NewResponse.Given> given = new ArrayList<>();
		for (ParsedAnswer answer : parsed) {
			Question question = survey.question(answer.questionId()).orElseThrow();
			given.add(new NewResponse.Given(question, answer,
					(question.type() == QuestionType.TEXT && answer.text() != null)
							? this.answerSentiment.analyze(answer.text()) : null));
		}
		Map<String, Integer> limits = limits(submission);
		if (submission.partial()) {
			return new NewResponse(survey, submission, hidden, given, false, limits, step, submission.passed());
		}
		Set<String> passed = new HashSet<>(submission.passed());
		step.forEach((q) -> passed.add(q.key()));
		for (NewResponse.Given answer : given) {
			if (answer.question().type().isScale()) {
				numbers.put(answer.question().key(), answer.answer().number());
			}
		}
		List<Question> next = SurveyFlow.nextStep(survey, numbers, passed);
		return new NewResponse(survey, submission, hidden, given, next.isEmpty(), limits, next, passed);
	}

	/** A request on its own: its response read, its answers written in a transaction. */
	private SubmissionResult submitOnItsOwn(Submission submission) {
		ExistingResponse found = find(submission.publicId());
		if (found != null && found.complete() && found.surveyId() == submission.surveyId()) {
			// a retry of a request that already completed it: the same outcome
			return new SubmissionResult(found.id(), true, List.of(), submission.passed());
		}
		Survey survey = this.surveys.findVersion(submission.surveyId(), submission.version())
			.orElseThrow(() -> new SurveyRejectedException("survey.error.notFound"));
		if (survey.questions().isEmpty()) {
			throw new SurveyRejectedException("survey.error.notFound");
		}
		String hidden = encodeHidden(submission.hiddenFields());
		if (found == null) {
			checkRates(submission);
		}
		for (int attempt = 1;; attempt++) {
			ExistingResponse existing = found;
			try {
				SubmissionResult result = this.transactions
					.execute((status) -> store(survey, submission, hidden, existing));
				if (found == null) {
					this.createdHere.add(submission.publicId());
				}
				if (result.counted()) {
					// the survey row is locked for the count only after the answer
					// committed: inside the transaction it would deadlock against the
					// shared lock that every concurrent response insert takes on it
					// through its foreign key; the response is marked counted in the same
					// statement, so a raise lost here (the database went away) is made
					// later by ResponseCounts, once
					this.jdbc.sql(ResponseCounts.RAISE).param(result.responseId()).update();
					if (survey.settings().maxResponses() != null) {
						this.surveys.forget(survey.id());
					}
				}
				return result;
			}
			catch (PessimisticLockingFailureException ex) {
				// a lock conflict rolled everything back: the same request is safe to run
				// again
				if (attempt == 3) {
					throw ex;
				}
			}
			catch (CreatedConcurrently ex) {
				// the same page was sent twice at once and the other request created the
				// response (its insert committed before ours failed): everything of ours
				// was rolled back, so carry on as a retry of that response
				found = find(submission.publicId());
			}
		}
	}

	private SubmissionResult store(Survey survey, Submission submission, String hidden, ExistingResponse response) {
		if (response != null && response.surveyId() != survey.id()) {
			throw new SurveyRejectedException("survey.error.invalidToken");
		}
		if (response != null && response.complete()) {
			// a retry of a request that already completed it: the same outcome
			return new SubmissionResult(response.id(), true, List.of(), submission.passed());
		}
		if (!survey.isOpenAt(this.clock.instant())) {
			throw new SurveyRejectedException("survey.error.closed");
		}
		Map<Long, ParsedAnswer> stored = (response != null) ? answers(response.id()) : Map.of();
		Map<String, Integer> numbers = numbers(survey, stored);
		List<Question> step = SurveyFlow.nextStep(survey, numbers, submission.passed());
		List<ParsedAnswer> given = parse(survey, step, submission);
		if (!submission.partial()) {
			requireAnswered(step, given, stored);
		}
		SurveyRollups.Increments increments = this.rollups.increments();
		long responseId = (response != null) ? response.id() : create(survey, submission, hidden, increments);
		List<String> firstAnswers = new ArrayList<>();
		for (ParsedAnswer answer : given) {
			Question question = survey.question(answer.questionId()).orElseThrow();
			save(responseId, answer, question);
			if (!stored.containsKey(answer.questionId())) {
				firstAnswers.add(question.key());
			}
		}
		this.rollups.reached(increments, responseId, firstAnswers);
		if (submission.partial()) {
			this.rollups.write(increments);
			return new SubmissionResult(responseId, false, step, submission.passed());
		}
		Set<String> passed = new HashSet<>(submission.passed());
		step.forEach((q) -> passed.add(q.key()));
		given.forEach((a) -> survey.question(a.questionId())
			.filter((q) -> q.type().isScale())
			.ifPresent((q) -> numbers.put(q.key(), a.number())));
		List<Question> next = SurveyFlow.nextStep(survey, numbers, passed);
		if (!next.isEmpty()) {
			this.rollups.write(increments);
			return new SubmissionResult(responseId, false, next, passed);
		}
		boolean counted = complete(survey, responseId, submission.respondentHash(), increments);
		this.rollups.write(increments);
		return new SubmissionResult(responseId, true, List.of(), passed, counted);
	}

	/**
	 * Whether this respondent already completed the survey.
	 * @param surveyId the survey
	 * @param respondentHash the hashed respondent id
	 * @return true when they did
	 */
	public boolean hasCompleted(long surveyId, String respondentHash) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND respondent_hash = ? "
					+ "AND status = 'COMPLETE'")
			.params(surveyId, respondentHash)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The rating answers stored so far for a response, by question key (what decides its
	 * follow-ups).
	 * @param publicId the id the page carried
	 * @param survey the survey version it answers
	 * @return the ratings, empty when nothing is stored yet
	 */
	public Map<String, Integer> ratings(String publicId, Survey survey) {
		ExistingResponse response = find(publicId);
		return (response != null) ? numbers(survey, answers(response.id())) : Map.of();
	}

	/**
	 * Whether a response with this public id is complete.
	 * @param publicId the id the page carried
	 * @return true when it is
	 */
	public boolean isComplete(String publicId) {
		ExistingResponse response = find(publicId);
		return response != null && response.complete();
	}

	/**
	 * The latest responses of a survey, newest first, for staff to check what comes in.
	 * @param surveyId the survey
	 * @param limit how many
	 * @return the responses
	 */
	public List<ResponseRow> latest(long surveyId, int limit) {
		return this.jdbc.sql("""
				SELECT r.id, r.survey_version, r.status, r.channel, r.locale, r.device, r.page_url, r.hidden_fields,
				       r.started_at, r.completed_at
				FROM survey_response r WHERE r.survey_id = ? ORDER BY r.id DESC LIMIT ?
				""")
			.params(surveyId, limit)
			.query((rs, n) -> new ResponseRow(rs.getLong(1), rs.getInt(2), "COMPLETE".equals(rs.getString(3)),
					Channel.valueOf(rs.getString(4)), rs.getString(5), Device.valueOf(rs.getString(6)), rs.getString(7),
					rs.getString(8), rs.getTimestamp(9).toInstant(),
					(rs.getTimestamp(10) != null) ? rs.getTimestamp(10).toInstant() : null))
			.list();
	}

	private void checkRates(Submission submission) {
		if (!this.rateLimits.tryHit(limits(submission))) {
			throw new SurveyRejectedException("survey.error.rateLimited");
		}
	}

	/** The rate-limit buckets a new response counts on, with their limits per window. */
	private Map<String, Integer> limits(Submission submission) {
		Map<String, Integer> limits = new HashMap<>();
		if (submission.address() != null) {
			limits.put("a:" + submission.address(), this.perAddressLimit);
		}
		if (submission.respondentHash() != null) {
			limits.put("r:" + submission.respondentHash(), this.perRespondentLimit);
		}
		return limits;
	}

	private List<ParsedAnswer> parse(Survey survey, List<Question> step, Submission submission) {
		List<ParsedAnswer> parsed = new ArrayList<>();
		for (Map.Entry<Long, List<String>> entry : submission.answers().entrySet()) {
			Question question = survey.question(entry.getKey())
				.orElseThrow(() -> new SurveyRejectedException("survey.error.unknownQuestion"));
			if (!step.contains(question)) {
				throw new SurveyRejectedException("survey.error.unknownQuestion");
			}
			ParsedAnswer answer = ParsedAnswer.parse(question, entry.getValue(),
					submission.otherTexts().get(entry.getKey()));
			if (answer != null) {
				parsed.add(answer);
			}
		}
		return parsed;
	}

	private static void requireAnswered(List<Question> step, List<ParsedAnswer> given, Map<Long, ParsedAnswer> stored) {
		Set<Long> answered = given.stream().map(ParsedAnswer::questionId).collect(Collectors.toSet());
		answered.addAll(stored.keySet());
		for (Question question : step) {
			if (question.required() && !answered.contains(question.id())) {
				throw new SurveyRejectedException("survey.error.required");
			}
		}
	}

	private long create(Survey survey, Submission submission, String hidden, SurveyRollups.Increments increments) {
		if (submission.respondentHash() != null && survey.settings().oncePerRespondent()
				&& hasCompleted(survey.id(), submission.respondentHash())) {
			if (find(submission.publicId()) != null) {
				// the respondent's completed response is this very page, sent twice at
				// once: the other copy committed it after this request looked for it
				throw new CreatedConcurrently();
			}
			throw new SurveyRejectedException("survey.error.alreadyAnswered");
		}
		if (submission.personalLinkId() != null) {
			int claimed = this.jdbc
				.sql("UPDATE survey_personal_link SET used_at = ? WHERE id = ? AND survey_id = ? AND used_at IS NULL")
				.params(Timestamp.from(this.clock.instant()), submission.personalLinkId(), survey.id())
				.update();
			if (claimed == 0) {
				throw new SurveyRejectedException("survey.error.linkUsed");
			}
		}
		var keys = new GeneratedKeyHolder();
		Instant now = this.clock.instant();
		try {
			this.jdbc
				.sql("""
						INSERT INTO survey_response (public_id, survey_id, survey_version, respondent_hash, channel, page_url,
						locale, device, hidden_fields, personal_link_id, status, started_at, counted)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARTIAL', ?, FALSE)
						""")
				.params(submission.publicId(), survey.id(), submission.version(), submission.respondentHash(),
						submission.channel().name(), submission.pageUrl(), submission.locale(),
						submission.device().name(), hidden, submission.personalLinkId(), Timestamp.from(now))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new CreatedConcurrently();
		}
		long responseId = keys.getKeyAs(Number.class).longValue();
		this.rollups.started(increments, responseId, survey.id(), submission.channel().name(), submission.locale(),
				submission.device().name(), now);
		return responseId;
	}

	private void save(long responseId, ParsedAnswer answer, Question question) {
		this.jdbc
			.sql("INSERT INTO survey_answer (response_id, question_id, number_value, choice_values, text_value) "
					+ "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE number_value = VALUES(number_value), "
					+ "choice_values = VALUES(choice_values), text_value = VALUES(text_value)")
			.params(responseId, answer.questionId(), answer.number(), answer.choices(), answer.text())
			.update();
		if (question.type() == QuestionType.TEXT && answer.text() != null) {
			this.answerSentiment.score(responseId, answer.questionId(), answer.text());
		}
	}

	private boolean complete(Survey survey, long responseId, String respondentHash,
			SurveyRollups.Increments increments) {
		Instant completedAt = this.clock.instant();
		Timestamp now = Timestamp.from(completedAt);
		int changed = this.jdbc
			.sql("UPDATE survey_response SET status = 'COMPLETE', completed_at = ? WHERE id = ? AND status = 'PARTIAL'")
			.params(now, responseId)
			.update();
		if (changed == 0) {
			return false;
		}
		this.rollups.completed(increments, responseId, completedAt);
		if (respondentHash != null) {
			this.jdbc.sql(
					"INSERT INTO survey_contact (respondent_hash, survey_id, shown_at, answered_at) VALUES (?, ?, ?, ?) "
							+ "ON DUPLICATE KEY UPDATE answered_at = VALUES(answered_at)")
				.params(respondentHash, survey.id(), now, now)
				.update();
		}
		if (survey.settings().webhookUrl() != null) {
			this.jdbc
				.sql("INSERT INTO survey_webhook_delivery (survey_id, response_id, next_attempt_at) VALUES (?, ?, ?)")
				.params(survey.id(), responseId, now)
				.update();
		}
		this.events.publishEvent(
				new ResponsesSubmitted(List.of(submitted(survey.id(), responseId, respondentHash, completedAt))));
		return true;
	}

	/** A response just completed, read with every step's answers for its listeners. */
	private ResponseSubmitted submitted(long surveyId, long responseId, String respondentHash, Instant completedAt) {
		String[] hidden = new String[1];
		List<ResponseSubmitted.Answer> answers = new ArrayList<>();
		this.jdbc.sql("""
				SELECT r.hidden_fields, a.question_id, q.position, q.question_type, a.number_value, a.text_value,
				       a.sentiment_label
				FROM survey_response r LEFT JOIN survey_answer a ON a.response_id = r.id
				LEFT JOIN survey_question q ON q.id = a.question_id WHERE r.id = ?""")
			.param(responseId)
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> {
				hidden[0] = rs.getString(1);
				if (rs.getString(4) != null) {
					answers.add(new ResponseSubmitted.Answer(rs.getLong(2), rs.getInt(3),
							QuestionType.valueOf(rs.getString(4)), rs.getObject(5, Integer.class), rs.getString(6),
							rs.getString(7)));
				}
			});
		return new ResponseSubmitted(surveyId, responseId, respondentHash, hidden[0], completedAt, answers);
	}

	private ExistingResponse find(String publicId) {
		return this.jdbc.sql("SELECT id, survey_id, status FROM survey_response WHERE public_id = ?")
			.param(publicId)
			.query((rs, n) -> new ExistingResponse(rs.getLong(1), rs.getLong(2), "COMPLETE".equals(rs.getString(3))))
			.optional()
			.orElse(null);
	}

	private Map<Long, ParsedAnswer> answers(long responseId) {
		Map<Long, ParsedAnswer> answers = new HashMap<>();
		this.jdbc
			.sql("SELECT question_id, number_value, choice_values, text_value FROM survey_answer WHERE response_id = ?")
			.param(responseId)
			.query((rs, n) -> new ParsedAnswer(rs.getLong(1), rs.getObject(2, Integer.class), rs.getString(3),
					rs.getString(4)))
			.list()
			.forEach((a) -> answers.put(a.questionId(), a));
		return answers;
	}

	private static Map<String, Integer> numbers(Survey survey, Map<Long, ParsedAnswer> answers) {
		Map<String, Integer> numbers = new HashMap<>();
		for (Question question : survey.questions()) {
			ParsedAnswer answer = answers.get(question.id());
			if (answer != null && answer.number() != null && question.type().isScale()) {
				numbers.put(question.key(), answer.number());
			}
		}
		return numbers;
	}

	static String encodeHidden(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return null;
		}
		if (fields.size() > MAX_HIDDEN_FIELDS) {
			throw new SurveyRejectedException("survey.error.hidden");
		}
		StringBuilder text = new StringBuilder();
		fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((field) -> {
			if (field.getKey().isEmpty() || field.getKey().length() > MAX_HIDDEN_KEY || field.getValue() == null
					|| field.getValue().length() > MAX_HIDDEN_VALUE) {
				throw new SurveyRejectedException("survey.error.hidden");
			}
			if (!text.isEmpty()) {
				text.append('&');
			}
			text.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
		});
		return text.toString();
	}

	/** The last ids added, at most a given number, the oldest forgotten first. */
	private static final class RecentIds {

		private final Set<String> ids = ConcurrentHashMap.newKeySet();

		private final Queue<String> order = new ConcurrentLinkedQueue<>();

		private final int max;

		RecentIds(int max) {
			this.max = max;
		}

		void add(String id) {
			if (this.ids.add(id)) {
				this.order.add(id);
				while (this.ids.size() > this.max) {
					String oldest = this.order.poll();
					if (oldest == null) {
						return;
					}
					this.ids.remove(oldest);
				}
			}
		}

		boolean contains(String id) {
			return this.ids.contains(id);
		}

	}

	/** Another request created the same response while this one tried to. */
	private static final class CreatedConcurrently extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CreatedConcurrently() {
			super(null, null, false, false);
		}

	}

}

package com.rapport.survey.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.survey.results.SurveyAnswerSentiment.Scored;
import com.rapport.survey.results.SurveyRollups;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of new responses. The requests that create a response (the first step of a
 * survey, or its first saved answer) hand it to this node's writer thread and wait; the
 * writer takes whatever is waiting (up to {@code rapport.survey.group-commit.max-batch})
 * and writes it in one transaction with a few multi-row statements (the responses, their
 * answers, the respondents' contacts, the webhook queue, the rollups, the follow-ups of
 * detractors), so that one commit — one flush of the redo log to the disk
 * ({@code innodb_flush_log_at_trx_commit = 1}) — and a dozen statements serve a whole
 * batch instead of each answer. Each waiting request answers only once the transaction
 * holding its response has committed; if the transaction fails, every request of the
 * batch gets the error (its page sends the same answers again with the same response id)
 * and nothing of the batch is stored.
 * <p>
 * Nothing held in memory decides what is stored: the writer reads, in its transaction,
 * the survey rows (status, dates, maximum, settings, and the row version the request
 * checked the answers against), the responses that already exist under the batch's ids
 * (unique key on the response id), the rate-limit windows and the respondents' completed
 * responses, exactly as a request of its own would. Two nodes therefore write side by
 * side; a response id created meanwhile by another node fails the batch's insert on the
 * unique key, and the batch is written again, that response now found.
 */
@Component
class ResponseWriter {

	private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

	private static final int QUEUED = 0;

	private static final int TAKEN = 1;

	private static final int CANCELLED = 2;

	private static final int ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final SurveyService surveys;

	private final AnswerRateLimits rateLimits;

	private final SurveyRollups rollups;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	private final int maxBatch;

	private final long lingerNanos;

	private final Duration timeout;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread thread;

	private volatile boolean closing;

	ResponseWriter(JdbcClient jdbc, SurveyService surveys, AnswerRateLimits rateLimits, SurveyRollups rollups,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${rapport.survey.group-commit.enabled:true}") boolean enabled,
			@Value("${rapport.survey.group-commit.max-batch:200}") int maxBatch,
			@Value("${rapport.survey.group-commit.linger:0ms}") Duration linger,
			@Value("${rapport.survey.group-commit.timeout:10s}") Duration timeout) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.rateLimits = rateLimits;
		this.rollups = rollups;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.enabled = enabled;
		this.maxBatch = Math.max(1, maxBatch);
		this.lingerNanos = linger.toNanos();
		this.timeout = timeout;
		this.thread = new Thread(this::run, "survey-answer-writer");
		this.thread.setDaemon(true);
	}

	@PostConstruct
	void start() {
		if (this.enabled) {
			this.thread.start();
		}
	}

	/** Whether answers are written in groups (else each request writes its own). */
	boolean isEnabled() {
		return this.enabled && !this.closing;
	}

	/**
	 * Hands a new response to the writer and waits until the transaction that holds it
	 * has committed.
	 * @param response the response, its answers checked
	 * @return what became of it
	 * @throws QueryTimeoutException when it was not written within
	 * {@code rapport.survey.group-commit.timeout} (10 s): it was either never taken, or
	 * its transaction has not ended yet; sent again with the same response id, it is
	 * stored once
	 * @throws org.springframework.dao.DataAccessException when its batch could not be
	 * written (nothing of the batch was stored)
	 */
	Outcome write(NewResponse response) {
		if (!isEnabled()) {
			return Outcome.NOT_TAKEN;
		}
		Pending pending = new Pending(response);
		this.queue.add(pending);
		try {
			return pending.result.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			boolean dropped = pending.state.compareAndSet(QUEUED, CANCELLED);
			throw new QueryTimeoutException(dropped ? "The answer waited too long to be written and was not stored"
					: "The answer's transaction did not end in time; it may be stored");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			pending.state.compareAndSet(QUEUED, CANCELLED);
			throw new QueryTimeoutException("Interrupted while the answer was written");
		}
		catch (ExecutionException ex) {
			// the database's error as such (every request of the batch gets it), so the
			// answer endpoints turn it into the page that sends the answers again
			if (ex.getCause() instanceof DataAccessException || ex.getCause() instanceof TransactionException) {
				throw (RuntimeException) ex.getCause();
			}
			throw new IllegalStateException("The answers could not be written", ex.getCause());
		}
	}

	private void run() {
		while (true) {
			Pending first;
			try {
				first = this.queue.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				if (this.closing) {
					first = this.queue.poll();
				}
				else {
					continue;
				}
			}
			if (first == null) {
				if (this.closing && this.queue.isEmpty()) {
					return;
				}
				continue;
			}
			List<Pending> batch = new ArrayList<>();
			batch.add(first);
			this.queue.drainTo(batch, this.maxBatch - 1);
			linger(batch);
			batch.removeIf((pending) -> !pending.state.compareAndSet(QUEUED, TAKEN));
			try {
				if (!batch.isEmpty()) {
					write(batch);
				}
			}
			catch (RuntimeException | Error ex) {
				// whatever happened, the requests waiting for this batch get an answer
				// and
				// the writer goes on with the next one
				log.error("A batch of {} answers failed unexpectedly", batch.size(), ex);
				batch.forEach((pending) -> pending.result.completeExceptionally(ex));
			}
		}
	}

	/** Waits up to the linger time for more answers to join a batch that is not full. */
	private void linger(List<Pending> batch) {
		if (this.lingerNanos <= 0) {
			return;
		}
		long until = System.nanoTime() + this.lingerNanos;
		while (batch.size() < this.maxBatch) {
			long left = until - System.nanoTime();
			if (left <= 0) {
				return;
			}
			try {
				Pending next = this.queue.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					return;
				}
				batch.add(next);
				this.queue.drainTo(batch, this.maxBatch - batch.size());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void write(List<Pending> batch) {
		RuntimeException failure = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				Written written = this.transactions.execute((status) -> writeBatch(batch));
				// what this node shows keeps up with a survey's maximum
				written.withMaximum().forEach(this.surveys::forget);
				written.outcomes().forEach((pending, outcome) -> pending.result.complete(outcome));
				return;
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				// a response id created meanwhile (by another node, or a copy of the page
				// answered there), or a lock conflict with another writer: everything was
				// rolled back, and the next attempt reads the state again
				failure = ex;
			}
			catch (DataIntegrityViolationException ex) {
				if (batch.size() > 1) {
					// one answer the database refuses must not fail the others: each on
					// its own, only the faulty one fails
					log.warn("A batch of {} answers was refused ({}); writing them one by one", batch.size(),
							ex.getClass().getSimpleName());
					batch.forEach((pending) -> write(List.of(pending)));
					return;
				}
				failure = ex;
				break;
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		log.warn("{} answers not stored, their pages will send them again: {}", batch.size(),
				failure.getClass().getSimpleName());
		RuntimeException cause = failure;
		batch.forEach((pending) -> pending.result.completeExceptionally(cause));
	}

	/**
	 * Writes a batch in the current transaction: what every request of its own would have
	 * checked and written, with a statement per kind of row instead of per answer.
	 */
	private Written writeBatch(List<Pending> batch) {
		Instant now = this.clock.instant();
		Map<Pending, Outcome> outcomes = new LinkedHashMap<>();
		// the same page sent twice at once: the first copy is written, the others then
		// find it as a retry would
		Map<String, Pending> byPublicId = new LinkedHashMap<>();
		for (Pending pending : batch) {
			if (byPublicId.putIfAbsent(pending.response.submission().publicId(), pending) != null) {
				outcomes.put(pending, Outcome.EXISTS_UNKNOWN);
			}
		}
		List<Pending> live = new ArrayList<>(byPublicId.values());

		// the survey rows as they are now, locked first (see raising the counts below): a
		// change since the request read them (an edit of the questions, a close) is seen
		// here
		Map<Long, Survey> current = this.surveys
			.lockByIds(live.stream().map((p) -> p.response.survey().id()).distinct().toList());
		live.removeIf((pending) -> {
			Survey survey = current.get(pending.response.survey().id());
			if (survey == null) {
				outcomes.put(pending, Outcome.rejected("survey.error.notFound"));
				return true;
			}
			if (survey.rowVersion() != pending.response.survey().rowVersion()) {
				outcomes.put(pending, Outcome.STALE);
				return true;
			}
			return false;
		});
		if (live.isEmpty()) {
			return new Written(outcomes, Set.of());
		}

		// responses that exist already (retries, pages continued) and the respondents who
		// completed a survey asked once per respondent, in one read
		Stored stored = stored(live, current);
		live.removeIf((pending) -> {
			ExistingResponse found = stored.existing().get(pending.response.submission().publicId());
			if (found != null) {
				outcomes.put(pending, Outcome.exists(found));
				return true;
			}
			return false;
		});

		// the rate limits count every new response, also one refused later on
		if (!live.isEmpty()) {
			List<Boolean> allowed = this.rateLimits
				.tryHitAll(live.stream().map((p) -> p.response.rateLimits()).toList());
			List<Pending> within = new ArrayList<>();
			for (int i = 0; i < live.size(); i++) {
				if (allowed.get(i)) {
					within.add(live.get(i));
				}
				else {
					outcomes.put(live.get(i), Outcome.rejected("survey.error.rateLimited"));
				}
			}
			live = within;
		}

		// open (dates, status, maximum with the responses this batch completes), and once
		// per respondent, in the order the answers came
		Set<String> answered = new HashSet<>(stored.completedRespondents());
		Map<Long, Integer> completedHere = new TreeMap<>();
		List<Pending> accepted = new ArrayList<>();
		for (Pending pending : live) {
			Survey survey = current.get(pending.response.survey().id());
			String respondent = pending.response.submission().respondentHash();
			String once = (respondent != null && survey.settings().oncePerRespondent()) ? survey.id() + ":" + respondent
					: null;
			if (!survey.isOpenAt(now, completedHere.getOrDefault(survey.id(), 0))) {
				outcomes.put(pending, Outcome.rejected("survey.error.closed"));
			}
			else if (once != null && answered.contains(once)) {
				outcomes.put(pending, Outcome.rejected("survey.error.alreadyAnswered"));
			}
			else {
				accepted.add(pending);
				if (pending.response.complete()) {
					completedHere.merge(survey.id(), 1, Integer::sum);
					if (once != null) {
						answered.add(once);
					}
				}
			}
		}
		if (accepted.isEmpty()) {
			return new Written(outcomes, Set.of());
		}
		// in response id order, so that two writers take the unique key's locks in the
		// same order
		accepted.sort(Comparator.comparing((Pending p) -> p.response.submission().publicId()));
		Map<String, Long> ids = insertResponses(accepted, now);
		insertAnswers(accepted, ids);
		List<Pending> completed = accepted.stream().filter((p) -> p.response.complete()).toList();
		writeContacts(completed, now);
		queueWebhooks(completed, current, ids, now);
		if (!completed.isEmpty()) {
			this.events.publishEvent(new ResponsesSubmitted(completed.stream()
				.map((p) -> p.response.submitted(ids.get(p.response.submission().publicId()), now))
				.toList()));
		}
		SurveyRollups.Increments increments = this.rollups.increments();
		for (Pending pending : accepted) {
			NewResponse response = pending.response;
			Submission submission = response.submission();
			this.rollups.created(increments, response.survey().id(), submission.channel().name(), submission.locale(),
					submission.device().name(), now, response.complete() ? now : null, response.hidden(),
					response.rolledUp());
		}
		this.rollups.write(increments);
		// the completed responses were inserted counted: their surveys' counts rise in
		// the same transaction, exactly by them. The survey rows were locked first of
		// all, so this exclusive lock cannot deadlock against the shared lock a
		// concurrent response insert takes on the survey row through its foreign key
		// (that insert waits for this commit instead)
		completedHere
			.forEach((survey, n) -> this.jdbc.sql("UPDATE survey SET response_count = response_count + ? WHERE id = ?")
				.params(n, survey)
				.update());
		for (Pending pending : accepted) {
			outcomes.put(pending, Outcome.stored(ids.get(pending.response.submission().publicId())));
		}
		Set<Long> withMaximum = new HashSet<>();
		for (long survey : completedHere.keySet()) {
			if (current.get(survey).settings().maxResponses() != null) {
				withMaximum.add(survey);
			}
		}
		return new Written(outcomes, withMaximum);
	}

	/**
	 * Reads, in one statement, the responses stored under the batch's ids and the
	 * completed responses of its respondents to the surveys asked once per respondent.
	 */
	private Stored stored(List<Pending> live, Map<Long, Survey> surveys) {
		List<String> publicIds = live.stream().map((p) -> p.response.submission().publicId()).toList();
		Set<String> respondents = new HashSet<>();
		Set<Long> onceSurveys = new HashSet<>();
		for (Pending pending : live) {
			String respondent = pending.response.submission().respondentHash();
			Survey survey = surveys.get(pending.response.survey().id());
			if (respondent != null && survey.settings().oncePerRespondent()) {
				respondents.add(respondent);
				onceSurveys.add(survey.id());
			}
		}
		Map<String, ExistingResponse> existing = new HashMap<>();
		Set<String> completed = new HashSet<>();
		Set<String> asked = new HashSet<>(publicIds);
		String sql = "SELECT id, public_id, survey_id, status, respondent_hash FROM survey_response "
				+ "WHERE public_id IN (:ids)";
		if (!respondents.isEmpty()) {
			sql += " OR (respondent_hash IN (:respondents) AND survey_id IN (:surveys) AND status = 'COMPLETE')";
		}
		JdbcClient.StatementSpec query = this.jdbc.sql(sql).param("ids", publicIds);
		if (!respondents.isEmpty()) {
			query = query.param("respondents", List.copyOf(respondents)).param("surveys", List.copyOf(onceSurveys));
		}
		query.query((RowCallbackHandler) (rs) -> {
			boolean complete = "COMPLETE".equals(rs.getString(4));
			if (asked.contains(rs.getString(2))) {
				existing.put(rs.getString(2), new ExistingResponse(rs.getLong(1), rs.getLong(3), complete));
			}
			if (complete && rs.getString(5) != null && onceSurveys.contains(rs.getLong(3))) {
				completed.add(rs.getLong(3) + ":" + rs.getString(5));
			}
		});
		return new Stored(existing, completed);
	}

	private Map<String, Long> insertResponses(List<Pending> accepted, Instant now) {
		Timestamp at = Timestamp.from(now);
		List<Object> params = new ArrayList<>(accepted.size() * 13);
		for (Pending pending : accepted) {
			NewResponse response = pending.response;
			Submission s = response.submission();
			params.addAll(List.of(s.publicId(), response.survey().id(), s.version()));
			params.add(s.respondentHash());
			params.add(s.channel().name());
			params.add(s.pageUrl());
			params.add(s.locale());
			params.add(s.device().name());
			params.add(response.hidden());
			params.add(response.complete() ? "COMPLETE" : "PARTIAL");
			params.add(at);
			params.add(response.complete() ? at : null);
			params.add(response.complete());
		}
		// a completed response is counted by this transaction (see writeBatch)
		this.jdbc
			.sql("INSERT INTO survey_response (public_id, survey_id, survey_version, respondent_hash, channel, "
					+ "page_url, locale, device, hidden_fields, status, started_at, completed_at, counted) VALUES "
					+ String.join(", ",
							Collections.nCopies(accepted.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
			.params(params)
			.update();
		// read back rather than taken from the generated keys: with interleaved
		// auto-increment locking (innodb_autoinc_lock_mode = 2) the ids of a multi-row
		// insert need not be consecutive
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("SELECT id, public_id FROM survey_response WHERE public_id IN (:ids)")
			.param("ids", accepted.stream().map((p) -> p.response.submission().publicId()).toList())
			.query((RowCallbackHandler) (rs) -> ids.put(rs.getString(2), rs.getLong(1)));
		return ids;
	}

	private void insertAnswers(List<Pending> accepted, Map<String, Long> ids) {
		List<Object> params = new ArrayList<>();
		int rows = 0;
		for (Pending pending : accepted) {
			long responseId = ids.get(pending.response.submission().publicId());
			for (NewResponse.Given given : pending.response.answers()) {
				ParsedAnswer answer = given.answer();
				Scored sentiment = given.sentiment();
				params.add(responseId);
				params.add(answer.questionId());
				params.add(answer.number());
				params.add(answer.choices());
				params.add(answer.text());
				params.add((sentiment != null) ? sentiment.score() : null);
				params.add((sentiment != null) ? sentiment.label() : null);
				params.add((sentiment != null) ? sentiment.language() : null);
				params.add((sentiment != null) ? sentiment.drivers() : null);
				rows++;
			}
		}
		if (rows == 0) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO survey_answer (response_id, question_id, number_value, choice_values, text_value, "
					+ "sentiment_score, sentiment_label, sentiment_language, sentiment_drivers) VALUES "
					+ String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?)")))
			.params(params)
			.update();
	}

	private void writeContacts(List<Pending> completed, Instant now) {
		// in key order (respondent, survey), as every writer of the table
		Set<Contact> contacts = new java.util.TreeSet<>(
				Comparator.comparing(Contact::respondentHash).thenComparingLong(Contact::surveyId));
		for (Pending pending : completed) {
			String respondent = pending.response.submission().respondentHash();
			if (respondent != null) {
				contacts.add(new Contact(respondent, pending.response.survey().id()));
			}
		}
		if (contacts.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(now);
		List<Object> params = new ArrayList<>();
		for (Contact contact : contacts) {
			params.addAll(List.of(contact.respondentHash(), contact.surveyId(), at, at));
		}
		this.jdbc
			.sql("INSERT INTO survey_contact (respondent_hash, survey_id, shown_at, answered_at) VALUES "
					+ String.join(", ", Collections.nCopies(contacts.size(), "(?, ?, ?, ?)"))
					+ " ON DUPLICATE KEY UPDATE answered_at = VALUES(answered_at)")
			.params(params)
			.update();
	}

	private void queueWebhooks(List<Pending> completed, Map<Long, Survey> surveys, Map<String, Long> ids, Instant now) {
		List<Object> params = new ArrayList<>();
		Timestamp at = Timestamp.from(now);
		for (Pending pending : completed) {
			Survey survey = surveys.get(pending.response.survey().id());
			if (survey.settings().webhookUrl() != null) {
				params.add(survey.id());
				params.add(ids.get(pending.response.submission().publicId()));
				params.add(at);
			}
		}
		if (params.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO survey_webhook_delivery (survey_id, response_id, next_attempt_at) VALUES "
					+ String.join(", ", Collections.nCopies(params.size() / 3, "(?, ?, ?)")))
			.params(params)
			.update();
	}

	/**
	 * Stops taking answers (requests then write their own), writes what is queued and
	 * stops the thread. Runs when the application context closes, after the web server
	 * has finished the requests in flight.
	 */
	@PreDestroy
	void close() {
		this.closing = true;
		if (!this.thread.isAlive()) {
			return;
		}
		try {
			this.thread.join(this.timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Pending pending = this.queue.poll(); pending != null; pending = this.queue.poll()) {
			if (pending.state.compareAndSet(QUEUED, CANCELLED)) {
				pending.result.complete(Outcome.NOT_TAKEN);
			}
		}
	}

	/** What became of a new response handed to the writer. */
	record Outcome(Kind kind, long responseId, ExistingResponse existing, String messageKey) {

		static final Outcome NOT_TAKEN = new Outcome(Kind.NOT_TAKEN, 0, null, null);

		static final Outcome STALE = new Outcome(Kind.STALE, 0, null, null);

		static final Outcome EXISTS_UNKNOWN = new Outcome(Kind.EXISTS, 0, null, null);

		static Outcome stored(long responseId) {
			return new Outcome(Kind.STORED, responseId, null, null);
		}

		static Outcome exists(ExistingResponse existing) {
			return new Outcome(Kind.EXISTS, existing.id(), existing, null);
		}

		static Outcome rejected(String messageKey) {
			return new Outcome(Kind.REJECTED, 0, null, messageKey);
		}

		enum Kind {

			/** Stored and committed. */
			STORED,
			/** A response with this id exists (or is written by the same batch). */
			EXISTS,
			/** The survey changed since the request checked the answers. */
			STALE,
			/** Refused (closed, rate limit, once per respondent), nothing stored. */
			REJECTED,
			/** The writer is stopping: the request writes it itself. */
			NOT_TAKEN

		}

	}

	private record Contact(String respondentHash, long surveyId) {
	}

	private record Written(Map<Pending, Outcome> outcomes, Set<Long> withMaximum) {

		Written {
			outcomes = Map.copyOf(outcomes);
			withMaximum = Set.copyOf(withMaximum);
		}

	}

	private record Stored(Map<String, ExistingResponse> existing, Set<String> completedRespondents) {

		Stored {
			existing = Map.copyOf(existing);
			completedRespondents = Set.copyOf(completedRespondents);
		}

	}

	private static final class Pending {

		private final NewResponse response;

		private final CompletableFuture<Outcome> result = new CompletableFuture<>();

		private final AtomicInteger state = new AtomicInteger(QUEUED);

		Pending(NewResponse response) {
			this.response = response;
		}

	}

}

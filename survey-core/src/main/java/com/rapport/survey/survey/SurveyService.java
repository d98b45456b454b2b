package com.rapport.survey.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.rapport.survey.survey.SurveyRows.SurveyHead;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creating, editing, publishing and finding surveys. Questions belong to a version: while
 * the current version has no responses it is edited in place, once answered an edit makes
 * the next version, so every response keeps the questions it answered.
 */
@Service
public class SurveyService {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

	private static final int MAX_NAME = 120;

	private static final int MAX_CACHED_VERSIONS = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<QuestionsKey, List<Question>> questionCache = new ConcurrentHashMap<>();

	private final Map<Long, Recent> recent = new ConcurrentHashMap<>();

	private final Map<String, Long> idsByKey = new ConcurrentHashMap<>();

	/**
	 * Counts the changes made through this node, so a read that raced one is not kept.
	 */
	private final AtomicLong changes = new AtomicLong();

	private final long recentNanos;

	SurveyService(JdbcClient jdbc, Clock clock, @Value("${rapport.survey.cache-ttl:1s}") Duration recentFor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.recentNanos = recentFor.toNanos();
	}

	/**
	 * Creates a survey in draft with its first version of questions.
	 * @param key the public key (lowercase letters, digits, hyphens)
	 * @param name the name staff know it by
	 * @param questions the questions, in order
	 * @return the survey's id
	 */
	@Transactional
	public long create(String key, String name, List<NewQuestion> questions) {
		long id = insertSurvey(key, name);
		for (NewQuestion question : questions) {
			addQuestion(id, question);
		}
		return id;
	}

	private long insertSurvey(String key, String name) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new SurveyRejectedException("survey.error.key");
		}
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw new SurveyRejectedException("survey.error.name");
		}
		if (this.jdbc.sql("SELECT COUNT(*) FROM survey WHERE survey_key = ?")
			.param(key)
			.query(Long.class)
			.single() > 0) {
			throw new SurveyRejectedException("survey.error.keyTaken");
		}
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO survey (survey_key, name, status, created_at) VALUES (?, ?, 'DRAFT', ?)")
			.params(key, name.strip(), Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Changes a survey's name and settings.
	 * @param surveyId the survey
	 * @param name its new name
	 * @param settings its new settings
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void update(long surveyId, String name, SurveySettings settings) {
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw new SurveyRejectedException("survey.error.name");
		}
		SurveySettings s = QuestionRules.check(settings);
		this.jdbc
			.sql("""
					UPDATE survey SET name = ?, display_mode = ?, allowed_origins = ?, thank_you_en = ?, thank_you_zh = ?,
					thank_you_ru = ?, thank_you_link = ?, sampling_percent = ?, starts_at = ?, ends_at = ?, max_responses = ?,
					once_per_respondent = ?, priority = ?, recontact_days = ?, retention_days = ?, trigger_kind = ?,
					trigger_days = ?, webhook_url = ?, webhook_secret = ?, version = version + 1 WHERE id = ?
					""")
			.params(name.strip(), s.displayMode().name(),
					s.allowedOrigins().isEmpty() ? null : String.join(" ", s.allowedOrigins()), s.thankYou().en(),
					s.thankYou().zh(), s.thankYou().ru(), s.thankYouLink(), s.samplingPercent(),
					SurveyRows.timestamp(s.startsAt()), SurveyRows.timestamp(s.endsAt()), s.maxResponses(),
					s.oncePerRespondent(), s.priority(), s.recontactDays(), s.retentionDays(),
					(s.trigger() != null) ? s.trigger().name() : null, s.triggerDays(), s.webhookUrl(),
					s.webhookSecret(), surveyId)
			.update();
		changed(surveyId);
	}

	/**
	 * Adds a question at the end of the survey (in a new version once it has responses).
	 * @param surveyId the survey
	 * @param question the question
	 * @return the new question's key
	 */
	@Transactional
	public String addQuestion(long surveyId, NewQuestion question) {
		Survey survey = require(surveyId);
		NewQuestion checked = QuestionRules.check(question, survey.questions());
		int version = editableVersion(survey);
		String key = nextQuestionKey(surveyId);
		insertQuestion(surveyId, version, survey.questions().size() + 1, key, checked);
		questionsChanged(surveyId);
		return key;
	}

	/**
	 * Replaces a question's wording, scale labels, choices, condition or type. A question
	 * that already has answers keeps its type: a new type would mix incomparable answers.
	 * @param surveyId the survey
	 * @param key the question's key
	 * @param question what it becomes
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void updateQuestion(long surveyId, String key, NewQuestion question) {
		Survey survey = require(surveyId);
		Question current = survey.questionByKey(key)
			.orElseThrow(() -> new SurveyRejectedException("survey.error.unknownQuestion"));
		List<Question> earlier = survey.questions().stream().filter((q) -> q.position() < current.position()).toList();
		NewQuestion checked = QuestionRules.check(question, earlier);
		if (checked.type() != current.type() && hasAnswers(surveyId, key)) {
			throw new SurveyRejectedException("survey.error.typeLocked");
		}
		if (checked.type() != current.type() && !checked.type().isScale() && isConditionSource(survey, key)) {
			throw new SurveyRejectedException("survey.error.conditionDepends");
		}
		int version = editableVersion(survey);
		this.jdbc.sql("DELETE FROM survey_question WHERE survey_id = ? AND survey_version = ? AND question_key = ?")
			.params(surveyId, version, key)
			.update();
		insertQuestion(surveyId, version, current.position(), key, checked);
		questionsChanged(surveyId);
	}

	/**
	 * Removes a question (from a new version once the survey has responses).
	 * @param surveyId the survey
	 * @param key the question's key
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void removeQuestion(long surveyId, String key) {
		Survey survey = require(surveyId);
		Question current = survey.questionByKey(key)
			.orElseThrow(() -> new SurveyRejectedException("survey.error.unknownQuestion"));
		if (isConditionSource(survey, key)) {
			throw new SurveyRejectedException("survey.error.conditionDepends");
		}
		int version = editableVersion(survey);
		this.jdbc.sql("DELETE FROM survey_question WHERE survey_id = ? AND survey_version = ? AND question_key = ?")
			.params(surveyId, version, key)
			.update();
		this.jdbc
			.sql("UPDATE survey_question SET position = position - 1 WHERE survey_id = ? AND survey_version = ? "
					+ "AND position > ? ORDER BY position")
			.params(surveyId, version, current.position())
			.update();
		questionsChanged(surveyId);
	}

	/**
	 * Moves a question one place up or down; a follow-up never moves above the question
	 * it depends on.
	 * @param surveyId the survey
	 * @param key the question's key
	 * @param up true to move it up
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void moveQuestion(long surveyId, String key, boolean up) {
		Survey survey = require(surveyId);
		Question moved = survey.questionByKey(key)
			.orElseThrow(() -> new SurveyRejectedException("survey.error.unknownQuestion"));
		int otherPosition = moved.position() + (up ? -1 : 1);
		Question other = survey.questions()
			.stream()
			.filter((q) -> q.position() == otherPosition)
			.findFirst()
			.orElse(null);
		if (other == null) {
			return;
		}
		Question later = up ? moved : other;
		Question earlier = up ? other : moved;
		if (later.condition() != null && later.condition().questionKey().equals(earlier.key())) {
			throw new SurveyRejectedException("survey.error.conditionOrder");
		}
		int version = editableVersion(survey);
		String sql = "UPDATE survey_question SET position = ? WHERE survey_id = ? AND survey_version = ? "
				+ "AND question_key = ?";
		this.jdbc.sql(sql).params(-1, surveyId, version, moved.key()).update();
		this.jdbc.sql(sql).params(moved.position(), surveyId, version, other.key()).update();
		this.jdbc.sql(sql).params(otherPosition, surveyId, version, moved.key()).update();
		questionsChanged(surveyId);
	}

	@Transactional
	public void publish(long surveyId) {
		Survey survey = require(surveyId);
		if (survey.questions().isEmpty()) {
			throw new SurveyRejectedException("survey.error.noQuestions");
		}
		if (survey.status() == SurveyStatus.ARCHIVED) {
			throw new SurveyRejectedException("survey.error.archived");
		}
		this.jdbc
			.sql("UPDATE survey SET status = 'PUBLISHED', published_at = ?, closed_at = NULL, archived_at = NULL, "
					+ "version = version + 1 WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), surveyId)
			.update();
		changed(surveyId);
	}

	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void close(long surveyId) {
		require(surveyId);
		this.jdbc.sql("UPDATE survey SET status = 'CLOSED', closed_at = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), surveyId)
			.update();
		changed(surveyId);
	}

	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public void archive(long surveyId) {
		require(surveyId);
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("UPDATE survey SET status = 'ARCHIVED', archived_at = ?, closed_at = COALESCE(closed_at, ?), "
					+ "version = version + 1 WHERE id = ?")
			.params(now, now, surveyId)
			.update();
		changed(surveyId);
	}

	/**
	 * Copies a survey's settings and current questions into a new draft.
	 * @param surveyId the survey copied
	 * @return the copy's id
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public long duplicate(long surveyId) {
		Survey original = require(surveyId);
		String base = (original.key().length() > 55) ? original.key().substring(0, 55) : original.key();
		String key = base + "-copy";
		for (int n = 2; this.jdbc.sql("SELECT COUNT(*) FROM survey WHERE survey_key = ?")
			.param(key)
			.query(Long.class)
			.single() > 0; n++) {
			key = base + "-copy-" + n;
		}
		String name = original.name();
		long copy = insertSurvey(key, (name.length() > MAX_NAME - 7) ? name.substring(0, MAX_NAME - 7) : name);
		update(copy, name, original.settings());
		for (Question question : original.questions()) {
			insertQuestion(copy, 1, question.position(), question.key(),
					new NewQuestion(question.type(), question.required(), question.prompt(), question.lowLabel(),
							question.highLabel(), question.options(), question.allowOther(), question.condition()));
		}
		return copy;
	}

	public Optional<Survey> findByKey(String key) {
		return this.jdbc.sql("SELECT " + SurveyRows.SURVEY_COLUMNS + " FROM survey WHERE survey_key = ?")
			.param(key)
			.query((rs, n) -> SurveyRows.head(rs))
			.optional()
			.map((head) -> head.with(questions(head, head.currentVersion())));
	}

	public Optional<Survey> findById(long id) {
		return this.jdbc.sql("SELECT " + SurveyRows.SURVEY_COLUMNS + " FROM survey WHERE id = ?")
			.param(id)
			.query((rs, n) -> SurveyRows.head(rs))
			.optional()
			.map((head) -> head.with(questions(head, head.currentVersion())));
	}

	/**
	 * A survey with the questions of one of its versions (the one a response answered).
	 * @param id the survey
	 * @param version the version
	 * @return the survey
	 */
	public Optional<Survey> findVersion(long id, int version) {
		return this.jdbc.sql("SELECT " + SurveyRows.SURVEY_COLUMNS + " FROM survey WHERE id = ?")
			.param(id)
			.query((rs, n) -> SurveyRows.head(rs))
			.optional()
			.map((head) -> head.with(questions(head, version)));
	}

	/**
	 * The published surveys with a forum trigger of this kind.
	 * @param trigger the kind
	 * @return the surveys, highest priority first
	 */
	public List<Survey> withTrigger(TriggerKind trigger) {
		return this.jdbc
			.sql("SELECT " + SurveyRows.SURVEY_COLUMNS
					+ " FROM survey WHERE status = 'PUBLISHED' AND trigger_kind = ? ORDER BY priority DESC, id")
			.param(trigger.name())
			.query((rs, n) -> SurveyRows.head(rs))
			.list()
			.stream()
			.map((head) -> head.with(questions(head, head.currentVersion())))
			.toList();
	}

	/** Every survey, archived ones last, newest first. */
	public List<SurveySummary> list() {
		return this.jdbc.sql("""
				SELECT s.id, s.survey_key, s.name, s.status, s.current_version, s.response_count,
				       (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id) AS started
				FROM survey s ORDER BY s.status = 'ARCHIVED', s.id DESC
				""")
			.query((rs, n) -> new SurveySummary(rs.getLong(1), rs.getString(2), rs.getString(3),
					SurveyStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getLong(7)))
			.list();
	}

	/**
	 * Every question key a survey ever had, in the order of first appearance, with the
	 * latest English prompt: the columns of its results.
	 * @param surveyId the survey
	 * @return the questions (latest version each key appears in)
	 */
	public List<Question> allQuestionKeys(long surveyId) {
		List<Question> all = this.jdbc
			.sql("SELECT " + SurveyRows.QUESTION_COLUMNS
					+ " FROM survey_question WHERE survey_id = ? ORDER BY survey_version DESC, position")
			.param(surveyId)
			.query(SurveyRows::question)
			.list();
		java.util.Map<String, Question> byKey = new java.util.LinkedHashMap<>();
		all.forEach((q) -> byKey.putIfAbsent(q.key(), q));
		return byKey.values()
			.stream()
			.sorted(java.util.Comparator.comparingInt((Question q) -> keyNumber(q.key())))
			.toList();
	}

	/**
	 * The questions of a version, kept in memory: they are read on every answer and every
	 * page shown, and change only with the survey's row version, which every edit of the
	 * survey or its questions increments in the same transaction. A node therefore never
	 * serves questions older than the survey row it just read, whichever node made the
	 * edit.
	 */
	private List<Question> questions(SurveyRows.SurveyHead head, int version) {
		QuestionsKey key = new QuestionsKey(head.id(), version, head.rowVersion());
		List<Question> questions = this.questionCache.get(key);
		if (questions == null) {
			questions = List.copyOf(questions(head.id(), version));
			// a transaction may read its own edit, which could still roll back
			if (!TransactionSynchronizationManager.isActualTransactionActive()) {
				if (this.questionCache.size() >= MAX_CACHED_VERSIONS) {
					this.questionCache.clear();
				}
				this.questionCache.put(key, questions);
			}
		}
		return questions;
	}

	private void questionsChanged(long surveyId) {
		this.jdbc.sql("UPDATE survey SET version = version + 1 WHERE id = ?").param(surveyId).update();
		changed(surveyId);
	}

	/**
	 * A survey as read at most {@code rapport.survey.cache-ttl} (1 s) ago by this node,
	 * for the pages that show it (the embedded frame, the public link) and for checking
	 * answers before they are written: a change made through this node is seen at once,
	 * one made through another node within that time. Whatever decides whether an answer
	 * is stored reads the survey row again ({@link #lockByIds}) and compares its
	 * {@link Survey#rowVersion()}.
	 * @param key the public key
	 * @return the survey with its current questions
	 */
	public Optional<Survey> findRecentByKey(String key) {
		Long id = this.idsByKey.get(key);
		if (id != null) {
			Recent cached = this.recent.get(id);
			if (cached != null && cached.isFresh(this.recentNanos) && cached.head().key().equals(key)) {
				return Optional.of(cached.head().with(questions(cached.head(), cached.head().currentVersion())));
			}
		}
		long seen = this.changes.get();
		Optional<SurveyHead> head = this.jdbc
			.sql("SELECT " + SurveyRows.SURVEY_COLUMNS + " FROM survey WHERE survey_key = ?")
			.param(key)
			.query((rs, n) -> SurveyRows.head(rs))
			.optional();
		head.ifPresent((h) -> remember(h, seen));
		return head.map((h) -> h.with(questions(h, h.currentVersion())));
	}

	/**
	 * A survey with the questions of one of its versions, as read at most
	 * {@code rapport.survey.cache-ttl} ago (see {@link #findRecentByKey}).
	 * @param id the survey
	 * @param version the version
	 * @return the survey
	 */
	public Optional<Survey> findRecentVersion(long id, int version) {
		Recent cached = this.recent.get(id);
		if (cached != null && cached.isFresh(this.recentNanos)) {
			return Optional.of(cached.head().with(questions(cached.head(), version)));
		}
		long seen = this.changes.get();
		Optional<SurveyHead> head = this.jdbc.sql("SELECT " + SurveyRows.SURVEY_COLUMNS + " FROM survey WHERE id = ?")
			.param(id)
			.query((rs, n) -> SurveyRows.head(rs))
			.optional();
		head.ifPresent((h) -> remember(h, seen));
		return head.map((h) -> h.with(questions(h, version)));
	}

	/**
	 * Drops what this node keeps of a survey's row (its count changed, for instance), so
	 * the next {@link #findRecentByKey} reads it again.
	 * @param surveyId the survey
	 */
	public void forget(long surveyId) {
		this.recent.remove(surveyId);
	}

	/**
	 * Several surveys read now and locked until the caller's transaction ends (rows in id
	 * order, so two callers never wait for each other crosswise), each with the questions
	 * of its current version.
	 * @param ids the surveys
	 * @return the surveys found, by id
	 * @throws org.springframework.transaction.IllegalTransactionStateException without a
	 * transaction
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Map<Long, Survey> lockByIds(Collection<Long> ids) {
		Map<Long, Survey> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("SELECT " + SurveyRows.SURVEY_COLUMNS + " FROM survey WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", ids)
			.query((rs, n) -> SurveyRows.head(rs))
			.list()
			.forEach((head) -> found.put(head.id(), head.with(questions(head, head.currentVersion()))));
		return found;
	}

	private void remember(SurveyHead head, long seen) {
		// a transaction may read its own edit, which could still roll back; a read that
		// raced a change made through this node may be older than that change
		if (TransactionSynchronizationManager.isActualTransactionActive() || this.changes.get() != seen) {
			return;
		}
		if (this.recent.size() >= MAX_CACHED_VERSIONS) {
			this.recent.clear();
			this.idsByKey.clear();
		}
		this.recent.put(head.id(), new Recent(head, System.nanoTime()));
		this.idsByKey.put(head.key(), head.id());
	}

	/** Forgets a survey now and again once the change's transaction has ended. */
	private void changed(long surveyId) {
		this.changes.incrementAndGet();
		this.recent.remove(surveyId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					SurveyService.this.changes.incrementAndGet();
					SurveyService.this.recent.remove(surveyId);
				}
			});
		}
	}

	List<Question> questions(long surveyId, int version) {
		return this.jdbc
			.sql("SELECT " + SurveyRows.QUESTION_COLUMNS
					+ " FROM survey_question WHERE survey_id = ? AND survey_version = ? ORDER BY position")
			.params(surveyId, version)
			.query(SurveyRows::question)
			.list();
	}

	private Survey require(long surveyId) {
		return findById(surveyId).orElseThrow(() -> new SurveyRejectedException("survey.error.notFound"));
	}

	/**
	 * The version an edit goes into: the current one while nobody answered it, else a
	 * copy of it as the next version, which becomes current.
	 */
	private int editableVersion(Survey survey) {
		if (survey.status() == SurveyStatus.ARCHIVED) {
			throw new SurveyRejectedException("survey.error.archived");
		}
		int current = survey.currentVersion();
		boolean answered = this.jdbc
			.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND survey_version = ? LIMIT 1")
			.params(survey.id(), current)
			.query(Long.class)
			.single() > 0;
		if (!answered) {
			return current;
		}
		int next = current + 1;
		this.jdbc
			.sql("INSERT INTO survey_question (survey_id, survey_version, position, question_type, required, "
					+ "prompt_en, prompt_zh, prompt_ru, question_key, low_label_en, low_label_zh, low_label_ru, "
					+ "high_label_en, high_label_zh, high_label_ru, options_en, options_zh, options_ru, allow_other, "
					+ "show_if_key, show_if_op, show_if_value) SELECT survey_id, ?, position, question_type, required, "
					+ "prompt_en, prompt_zh, prompt_ru, CASE WHEN question_key = '' THEN CONCAT('q', position) ELSE "
					+ "question_key END, low_label_en, low_label_zh, low_label_ru, high_label_en, high_label_zh, "
					+ "high_label_ru, options_en, options_zh, options_ru, allow_other, show_if_key, show_if_op, "
					+ "show_if_value FROM survey_question WHERE survey_id = ? AND survey_version = ?")
			.params(next, survey.id(), current)
			.update();
		this.jdbc.sql("UPDATE survey SET current_version = ?, version = version + 1 WHERE id = ?")
			.params(next, survey.id())
			.update();
		return next;
	}

	private boolean hasAnswers(long surveyId, String key) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM survey_answer a JOIN survey_question q ON q.id = a.question_id "
					+ "WHERE q.survey_id = ? AND q.question_key = ?")
			.params(surveyId, key)
			.query(Long.class)
			.single() > 0;
	}

	private static boolean isConditionSource(Survey survey, String key) {
		return survey.questions()
			.stream()
			.anyMatch((q) -> q.condition() != null && q.condition().questionKey().equals(key));
	}

	private String nextQuestionKey(long surveyId) {
		int max = this.jdbc.sql("SELECT question_key, position FROM survey_question WHERE survey_id = ?")
			.param(surveyId)
			.query((rs, n) -> {
				String key = rs.getString(1);
				return (key == null || key.isEmpty()) ? rs.getInt(2) : keyNumber(key);
			})
			.list()
			.stream()
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
		return "q" + (max + 1);
	}

	private static int keyNumber(String key) {
		try {
			return Integer.parseInt(key.substring(1));
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private void insertQuestion(long surveyId, int version, int position, String key, NewQuestion q) {
		Condition c = q.condition();
		this.jdbc.sql("""
				INSERT INTO survey_question (survey_id, survey_version, position, question_type, required, prompt_en,
				prompt_zh, prompt_ru, question_key, low_label_en, low_label_zh, low_label_ru, high_label_en,
				high_label_zh, high_label_ru, options_en, options_zh, options_ru, allow_other, show_if_key, show_if_op,
				show_if_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(surveyId, version, position, q.type().name(), q.required(), q.prompt().en(), q.prompt().zh(),
					q.prompt().ru(), key, q.lowLabel().en(), q.lowLabel().zh(), q.lowLabel().ru(), q.highLabel().en(),
					q.highLabel().zh(), q.highLabel().ru(), SurveyRows.joinOptions(q.options(), Localized::en),
					SurveyRows.joinOptions(q.options(), Localized::zh),
					SurveyRows.joinOptions(q.options(), Localized::ru), q.allowOther(),
					(c != null) ? c.questionKey() : null, (c != null) ? c.operator().name() : null,
					(c != null) ? c.value() : null)
			.update();
	}

	Instant now() {
		return this.clock.instant();
	}

	private record QuestionsKey(long surveyId, int version, int rowVersion) {
	}

	private record Recent(SurveyHead head, long readAt) {

		boolean isFresh(long nanos) {
			return System.nanoTime() - this.readAt < nanos;
		}

	}

}

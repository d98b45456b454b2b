package com.rapport.survey.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.survey.results.RollupCounts.Dimensions;
import com.rapport.survey.results.RollupCounts.StoredAnswer;
import com.rapport.survey.survey.QuestionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the survey rollup tables up to date (the fine one per day and combination of
 * channel, locale and device, and the coarse ones the results page reads, all written by
 * {@link RollupCounts}): each event adds to their counts in the transaction that stores
 * it, so the results page never aggregates raw answers. Days are counted in the brand's
 * time zone ({@code rapport.time-zone}, UTC by default). Counts are never decremented:
 * deleting responses later (privacy, retention) leaves them.
 */
@Service
public class SurveyRollups {

	private static final Logger log = LoggerFactory.getLogger(SurveyRollups.class);

	private static final int REBUILD_BATCH = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate transactions;

	private final HiddenFieldRollups hiddenFields;

	SurveyRollups(JdbcClient jdbc, Clock clock, @Value("${rapport.time-zone:UTC}") ZoneId zone,
			PlatformTransactionManager transactionManager, HiddenFieldRollups hiddenFields) {
		this.hiddenFields = hiddenFields;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The brand's time zone, in which days and weeks are counted. */
	public ZoneId zone() {
		return this.zone;
	}

	/** Today in the brand's time zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/**
	 * Counts a survey shown (where it was shown is not known at this point).
	 * @param surveyId the survey
	 */
	public void shown(long surveyId) {
		shown(surveyId, today(), 1);
	}

	/**
	 * Counts a survey shown several times on a day (the counts a node kept in memory).
	 * @param surveyId the survey
	 * @param day the day in the brand's time zone
	 * @param times how many times
	 */
	public void shown(long surveyId, LocalDate day, long times) {
		RollupCounts counts = new RollupCounts();
		counts.add(surveyId, RollupCounts.FUNNEL, day, Dimensions.UNKNOWN, RollupCounts.SHOWN, times);
		counts.writeTo(this.jdbc);
	}

	/**
	 * A new set of increments for one answer request: collected while its transaction
	 * stores the response, written by {@link #write} with one upsert in key order.
	 * @return the empty increments
	 */
	public Increments increments() {
		return new Increments();
	}

	/**
	 * Counts a response started; call in the transaction that creates it.
	 * @param increments the request's increments
	 * @param responseId the new response
	 * @param surveyId the survey
	 * @param channel the channel
	 * @param locale the language shown
	 * @param device the device class
	 * @param startedAt when it was created
	 */
	public void started(Increments increments, long responseId, long surveyId, String channel, String locale,
			String device, Instant startedAt) {
		Dimensions dims = new Dimensions(channel, locale, device);
		increments.response = new Response(responseId, surveyId, dims, startedAt, null);
		increments.counts.add(surveyId, RollupCounts.FUNNEL, LocalDate.ofInstant(startedAt, this.zone), dims,
				RollupCounts.STARTED, 1);
	}

	/**
	 * Counts questions answered for the first time in a response (the drop-off), on the
	 * day the response started; call in the transaction that stores the answers.
	 * @param increments the request's increments
	 * @param responseId the response
	 * @param questionKeys the keys of the questions newly answered
	 */
	public void reached(Increments increments, long responseId, Collection<String> questionKeys) {
		if (questionKeys.isEmpty()) {
			return;
		}
		Response response = response(increments, responseId);
		LocalDate day = LocalDate.ofInstant(response.startedAt(), this.zone);
		questionKeys.forEach((key) -> increments.counts.add(response.surveyId(), key, day, response.dims(),
				RollupCounts.REACHED, 1));
	}

	/**
	 * Counts a completed response and its answers, on the day it was completed; call in
	 * the transaction that completes it, after its answers are stored.
	 * @param increments the request's increments
	 * @param responseId the response
	 * @param completedAt when it was completed
	 */
	public void completed(Increments increments, long responseId, Instant completedAt) {
		Response response = response(increments, responseId);
		increments.counts.completed(response.surveyId(), LocalDate.ofInstant(completedAt, this.zone), response.dims(),
				answers(List.of(responseId)).getOrDefault(responseId, List.of()));
		this.hiddenFields.completed(responseId);
	}

	/**
	 * Counts a response created by one request whose answers are all known in memory
	 * (nothing is read back): started on {@code startedAt}, each answered question
	 * reached, and, when {@code completedAt} is given, completed with its answers and its
	 * hidden fields. Increments of many responses may be collected together and written
	 * by one {@link #write}.
	 * @param increments the increments to add to
	 * @param surveyId the survey
	 * @param channel the channel
	 * @param locale the language shown
	 * @param device the device class
	 * @param startedAt when it was created
	 * @param completedAt when it was completed, or null when it is not complete
	 * @param hiddenFields the stored hidden fields, or null
	 * @param answers its answers
	 */
	public void created(Increments increments, long surveyId, String channel, String locale, String device,
			Instant startedAt, Instant completedAt, String hiddenFields, List<NewAnswer> answers) {
		Dimensions dims = new Dimensions(channel, locale, device);
		LocalDate startDay = LocalDate.ofInstant(startedAt, this.zone);
		increments.counts.add(surveyId, RollupCounts.FUNNEL, startDay, dims, RollupCounts.STARTED, 1);
		answers.stream()
			.map(NewAnswer::questionKey)
			.distinct()
			.forEach((key) -> increments.counts.add(surveyId, key, startDay, dims, RollupCounts.REACHED, 1));
		if (completedAt == null) {
			return;
		}
		increments.counts.completed(surveyId, LocalDate.ofInstant(completedAt, this.zone), dims,
				answers.stream()
					.sorted(java.util.Comparator.comparing(NewAnswer::questionKey))
					.map((a) -> new StoredAnswer(a.questionKey(), a.type().name(), a.number(), a.choices(), a.text(),
							a.sentiment()))
					.toList());
		if (hiddenFields != null) {
			this.hiddenFields.add(increments.hidden, surveyId, hiddenFields, completedAt,
					answers.stream()
						.filter((a) -> a.type().isScale() && a.number() != null)
						.map((a) -> new HiddenFieldRollups.Answer(a.questionKey(), a.number()))
						.toList());
		}
	}

	/**
	 * Adds the increments to the tables; call before the transaction commits.
	 * @param increments the request's increments
	 */
	public void write(Increments increments) {
		if (!increments.counts.isEmpty()) {
			increments.counts.writeTo(this.jdbc);
		}
		if (!increments.hidden.isEmpty()) {
			this.hiddenFields.write(increments.hidden);
		}
	}

	private Response response(Increments increments, long responseId) {
		if (increments.response == null || increments.response.id() != responseId) {
			increments.response = response(responseId);
		}
		return increments.response;
	}

	/**
	 * Moves one open-text answer from one sentiment bucket to another, on the day its
	 * response was completed, when staff correct its label; call in the transaction that
	 * corrects it.
	 * @param responseId the completed response
	 * @param questionKey the open-text question
	 * @param from the label counted so far
	 * @param to the corrected label
	 */
	void relabelled(long responseId, String questionKey, String from, String to) {
		Response response = response(responseId);
		if (response.completedAt() == null) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(response.completedAt(), this.zone);
		RollupCounts counts = new RollupCounts();
		counts.add(response.surveyId(), questionKey, day, response.dims(), "s:" + from, -1);
		counts.add(response.surveyId(), questionKey, day, response.dims(), "s:" + to, 1);
		counts.writeTo(this.jdbc);
		// a bucket emptied by the move goes, as a rebuild would not write it
		RollupCounts.deleteEmptied(this.jdbc, new RollupCounts.Key(response.surveyId(), day, questionKey,
				response.dims().channel(), response.dims().locale(), response.dims().device(), "s:" + from));
	}

	/**
	 * Recomputes the rollups of every survey from the stored responses, survey by survey,
	 * each in one transaction. The times a survey was shown are not in the responses and
	 * are kept; counts of responses deleted since (privacy, retention) are lost.
	 * @return the responses read
	 */
	public long rebuild() {
		long read = 0;
		for (long surveyId : this.jdbc.sql("SELECT id FROM survey ORDER BY id").query(Long.class).list()) {
			Long n = this.transactions.execute((status) -> rebuild(surveyId));
			read += (n != null) ? n : 0;
		}
		return read;
	}

	private long rebuild(long surveyId) {
		long started = System.nanoTime();
		// deleting first locks the survey's rollup rows (the fine and the coarse tables):
		// responses completing meanwhile wait for the rebuild to commit and then add to
		// its
		// counts, so none is lost
		for (String table : List.of("survey_rollup", "survey_total_rollup", "survey_dimension_rollup")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE survey_id = ? AND NOT (question_key = '' AND bucket = ?)")
				.params(surveyId, RollupCounts.SHOWN)
				.update();
		}
		RollupCounts counts = new RollupCounts();
		long after = 0;
		long read = 0;
		while (true) {
			List<Response> batch = this.jdbc.sql("""
					SELECT id, survey_id, channel, locale, device, started_at, completed_at FROM survey_response
					WHERE survey_id = ? AND id > ? ORDER BY id LIMIT ?
					""").params(surveyId, after, REBUILD_BATCH).query((rs, n) -> response(rs)).list();
			if (batch.isEmpty()) {
				break;
			}
			Map<Long, List<StoredAnswer>> answers = answers(batch.stream().map(Response::id).toList());
			Map<Long, List<String>> reached = reachedKeys(answers);
			for (Response response : batch) {
				LocalDate startDay = LocalDate.ofInstant(response.startedAt(), this.zone);
				counts.add(surveyId, RollupCounts.FUNNEL, startDay, response.dims(), RollupCounts.STARTED, 1);
				reached.getOrDefault(response.id(), List.of())
					.forEach((key) -> counts.add(surveyId, key, startDay, response.dims(), RollupCounts.REACHED, 1));
				if (response.completedAt() != null) {
					counts.completed(surveyId, LocalDate.ofInstant(response.completedAt(), this.zone), response.dims(),
							answers.getOrDefault(response.id(), List.of()));
				}
			}
			read += batch.size();
			after = batch.get(batch.size() - 1).id();
		}
		counts.writeTo(this.jdbc);
		log.info("Rebuilt the rollups of survey {} from {} responses in {} ms", surveyId, read,
				(System.nanoTime() - started) / 1_000_000);
		return read;
	}

	private static Map<Long, List<String>> reachedKeys(Map<Long, List<StoredAnswer>> answers) {
		Map<Long, List<String>> keys = new HashMap<>();
		answers.forEach((id, list) -> keys.put(id, list.stream().map(StoredAnswer::key).distinct().toList()));
		return keys;
	}

	private Response response(long responseId) {
		return this.jdbc
			.sql("SELECT id, survey_id, channel, locale, device, started_at, completed_at FROM survey_response "
					+ "WHERE id = ?")
			.param(responseId)
			.query((rs, n) -> response(rs))
			.single();
	}

	private static Response response(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp completed = rs.getTimestamp(7);
		return new Response(rs.getLong(1), rs.getLong(2),
				new Dimensions(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getTimestamp(6).toInstant(),
				(completed != null) ? completed.toInstant() : null);
	}

	private Map<Long, List<StoredAnswer>> answers(List<Long> responseIds) {
		Map<Long, List<StoredAnswer>> answers = new HashMap<>();
		String in = String.join(",", responseIds.stream().map((id) -> "?").toList());
		this.jdbc.sql("SELECT a.response_id, q.question_key, q.question_type, a.number_value, a.choice_values, "
				+ "a.text_value, a.sentiment_label FROM survey_answer a JOIN survey_question q ON q.id = a.question_id "
				+ "WHERE a.response_id IN (" + in + ") ORDER BY a.response_id, q.question_key")
			.params(responseIds.toArray())
			.query((rs, n) -> {
				answers.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new StoredAnswer(rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class),
							rs.getString(5), rs.getString(6), rs.getString(7)));
				return null;
			})
			.list();
		return answers;
	}

	private record Response(long id, long surveyId, Dimensions dims, Instant startedAt, Instant completedAt) {
	}

	/**
	 * An answer of a response created by one request, as that request parsed it.
	 *
	 * @param questionKey the question's key
	 * @param type the question's type
	 * @param number a rating or a single choice
	 * @param choices a multiple choice's numbers, comma separated
	 * @param text a text or "Other" text
	 * @param sentiment a text's sentiment label, or null
	 */
	public record NewAnswer(String questionKey, QuestionType type, Integer number, String choices, String text,
			String sentiment) {
	}

	/**
	 * The rollup counts one answer request adds, and what it knows of its response (so
	 * the response is not read back for each count).
	 */
	public static final class Increments {

		private final RollupCounts counts = new RollupCounts();

		private final Map<List<Object>, Long> hidden = new java.util.TreeMap<>(HiddenFieldRollups.KEY_ORDER);

		private Response response;

		private Increments() {
		}

	}

}

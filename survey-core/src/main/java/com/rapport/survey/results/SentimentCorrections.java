package com.rapport.survey.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.survey.sentiment.SentimentLabel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers worth a second look — a promoter whose comment reads negative, a detractor
 * whose comment reads positive — and the labels staff correct. A corrected answer carries
 * the staff's label from then on (lists, filters, rollups); the analyser's label is kept
 * with the correction, so the corrections measure the analyser's accuracy.
 */
@Service
public class SentimentCorrections {

	/** Mismatches per page. */
	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final SurveyRollups rollups;

	private final Clock clock;

	SentimentCorrections(JdbcClient jdbc, SurveyRollups rollups, Clock clock) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.clock = clock;
	}

	/**
	 * Completed responses whose NPS and open-text sentiment disagree: a promoter (9–10)
	 * with a negative comment or a detractor (0–6) with a positive one, newest first.
	 * @param surveyId the survey
	 * @param beforeResponseId only responses older than this one, or null for the newest
	 * @return up to {@link #PAGE_SIZE} mismatches
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<Mismatch> mismatches(long surveyId, Long beforeResponseId) {
		Map<Long, String> nps = SurveyResults.questionKeys(this.jdbc, surveyId, "NPS");
		Map<Long, String> texts = SurveyResults.questionKeys(this.jdbc, surveyId, "TEXT");
		if (nps.isEmpty() || texts.isEmpty()) {
			return List.of();
		}
		// the questions as lists of ids, not joins, and first the newest responses alone,
		// in the order of the (survey_id, id) index: a join with the small question table
		// or an order by answer too makes MariaDB sort every response of the survey
		String from = """
				FROM survey_response r
				JOIN survey_answer s ON s.response_id = r.id AND s.question_id IN (:nps)
				JOIN survey_answer a ON a.response_id = r.id AND a.question_id IN (:texts)
				LEFT JOIN sentiment_correction c ON c.response_id = a.response_id AND c.question_id = a.question_id
				WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND r.id < ?
				  AND ((s.number_value >= 9 AND a.sentiment_label = 'NEGATIVE')
				       OR (s.number_value <= 6 AND a.sentiment_label = 'POSITIVE'))
				""".replace(":nps", SurveyResults.placeholders(nps.size()))
			.replace(":texts", SurveyResults.placeholders(texts.size()));
		List<Object> params = new ArrayList<>(nps.keySet());
		params.addAll(texts.keySet());
		params.add(surveyId);
		params.add((beforeResponseId != null) ? beforeResponseId : Long.MAX_VALUE);
		// the page's mismatches all belong to the newest responses that have one
		List<Long> responses = this.jdbc.sql("SELECT r.id " + from + " ORDER BY r.id DESC LIMIT " + PAGE_SIZE)
			.params(params)
			.query(Long.class)
			.list();
		if (responses.isEmpty()) {
			return List.of();
		}
		params.addAll(responses);
		return this.jdbc
			.sql("""
					SELECT r.id, a.question_id, s.number_value, a.text_value, a.sentiment_label, a.sentiment_drivers,
					       r.completed_at, c.analyser_label
					""" + from + " AND r.id IN (" + SurveyResults.placeholders(responses.size()) + ")"
					+ " ORDER BY r.id DESC, a.question_id LIMIT " + PAGE_SIZE)
			.params(params)
			.query((rs, n) -> new Mismatch(rs.getLong(1), rs.getLong(2), texts.get(rs.getLong(2)), rs.getInt(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
			.list();
	}

	/**
	 * Corrects the sentiment label of an open-text answer of the survey. Correcting it
	 * again replaces the staff's label; the analyser's stays as it was.
	 * @param surveyId the survey the answer belongs to
	 * @param responseId the response
	 * @param questionId the open-text question
	 * @param label the right label (positive, neutral or negative)
	 * @param staffMemberId who corrects it
	 * @return whether the label changed
	 * @throws IllegalArgumentException when there is no such analysed answer in the
	 * survey, or the label is not one staff can give
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public boolean correct(long surveyId, long responseId, long questionId, SentimentLabel label, long staffMemberId) {
		if (label == null || label == SentimentLabel.NOT_ANALYSED) {
			throw new IllegalArgumentException("label");
		}
		Answer answer = this.jdbc.sql("""
				SELECT q.question_key, a.sentiment_label, c.analyser_label
				FROM survey_answer a
				JOIN survey_response r ON r.id = a.response_id
				JOIN survey_question q ON q.id = a.question_id
				LEFT JOIN sentiment_correction c ON c.response_id = a.response_id AND c.question_id = a.question_id
				WHERE a.response_id = ? AND a.question_id = ? AND r.survey_id = ? AND r.status = 'COMPLETE'
				  AND q.question_type = 'TEXT' AND a.sentiment_label IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE')
				FOR UPDATE
				""")
			.params(responseId, questionId, surveyId)
			.query((rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("answer"));
		if (answer.label().equals(label.name())) {
			return false;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		if (answer.analyserLabel() == null) {
			this.jdbc.sql("""
					INSERT INTO sentiment_correction (survey_id, response_id, question_id, analyser_label,
					                                  corrected_label, corrected_by, corrected_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(surveyId, responseId, questionId, answer.label(), label.name(), staffMemberId, now)
				.update();
		}
		else {
			this.jdbc.sql("""
					UPDATE sentiment_correction SET corrected_label = ?, corrected_by = ?, corrected_at = ?
					WHERE response_id = ? AND question_id = ?
					""").params(label.name(), staffMemberId, now, responseId, questionId).update();
		}
		this.jdbc.sql("UPDATE survey_answer SET sentiment_label = ? WHERE response_id = ? AND question_id = ?")
			.params(label.name(), responseId, questionId)
			.update();
		this.rollups.relabelled(responseId, answer.questionKey(), answer.label(), label.name());
		return true;
	}

	/**
	 * How often staff disagreed with the analyser on the survey's open-text answers.
	 * @param surveyId the survey
	 * @return the analysed answers, the corrected ones and each kind of correction
	 */
	@PreAuthorize("hasRole('STAFF')")
	public Accuracy accuracy(long surveyId) {
		// the month rows hold every day once: a few rows per month of the survey
		long analysed = this.jdbc.sql("""
				SELECT COALESCE(SUM(answers), 0) FROM survey_total_rollup
				WHERE survey_id = ? AND span = ? AND bucket IN ('s:POSITIVE', 's:NEUTRAL', 's:NEGATIVE')
				""").params(surveyId, RollupSpan.MONTH.code()).query(Long.class).single();
		List<Correction> corrections = new ArrayList<>(this.jdbc.sql("""
				SELECT analyser_label, corrected_label, COUNT(*) FROM sentiment_correction
				WHERE survey_id = ? AND analyser_label <> corrected_label
				GROUP BY analyser_label, corrected_label ORDER BY COUNT(*) DESC, analyser_label, corrected_label
				""")
			.param(surveyId)
			.query((rs, n) -> new Correction(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list());
		return new Accuracy(analysed, corrections.stream().mapToLong(Correction::count).sum(), corrections);
	}

	private record Answer(String questionKey, String label, String analyserLabel) {
	}

	/**
	 * A response whose score and comment disagree.
	 *
	 * @param responseId the response
	 * @param questionId the open-text question
	 * @param questionKey its key
	 * @param score the NPS answer
	 * @param text the comment
	 * @param label its sentiment label now
	 * @param drivers the words that drove the analyser's score
	 * @param completedAt when the response was completed
	 * @param analyserLabel the analyser's label when staff corrected it, else null
	 */
	public record Mismatch(long responseId, long questionId, String questionKey, int score, String text, String label,
			String drivers, Instant completedAt, String analyserLabel) {

		/** Whether the respondent is a promoter (else a detractor). */
		public boolean promoter() {
			return this.score >= 9;
		}

	}

	/**
	 * Staff's corrections against the analysed answers.
	 *
	 * @param analysed open-text answers with a label (positive, neutral or negative)
	 * @param corrected answers whose label staff changed
	 * @param corrections how many of each change
	 */
	public record Accuracy(long analysed, long corrected, List<Correction> corrections) {

		public Accuracy {
			corrections = List.copyOf(corrections);
		}

		/**
		 * The share of analysed answers whose label staff left as it was, in percent.
		 * @return the share, or NaN when nothing was analysed
		 */
		public double agreement() {
			return (this.analysed == 0) ? Double.NaN : 100.0 * (this.analysed - this.corrected) / this.analysed;
		}

	}

	/**
	 * One kind of correction.
	 *
	 * @param from the analyser's label
	 * @param to the staff's label
	 * @param count how many answers
	 */
	public record Correction(String from, String to, long count) {
	}

}

package com.rapport.survey.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;

import java.util.List;

import com.rapport.survey.sentiment.RisingTerms;
import com.rapport.survey.sentiment.RisingTerms.RisingTerm;
import com.rapport.survey.support.Memo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * "What hurts" in survey answers this week: the most negative open-text answers of
 * responses completed in the last 7 days, and the words that drove negative answers this
 * week far more often than in an average week of the four before (the same rule as for
 * posts). Reads the negative answers of five weeks through the responses' start-time
 * index, and keeps the answer for a minute.
 */
@Service
public class NegativeAnswers {

	/** Answers and terms listed. */
	public static final int LIST_SIZE = 10;

	/** Answers listed for one term. */
	public static final int TERM_LIST_SIZE = 100;

	private static final Comparator<HurtingAnswer> MOST_NEGATIVE_FIRST = Comparator
		.comparingDouble(HurtingAnswer::score)
		.thenComparing(Comparator.comparingLong(HurtingAnswer::responseId).reversed())
		.thenComparingLong(HurtingAnswer::questionId);

	static final Duration WEEK = Duration.ofDays(7);

	static final int BASELINE_WEEKS = 4;

	private static final Duration KEPT = Duration.ofMinutes(1);

	// a response is completed within a day of its start (older partial ones expire)
	private static final Duration STARTED_BEFORE = Duration.ofDays(1);

	private static final int EXCERPT = 300;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Memo<Report> kept;

	NegativeAnswers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.kept = new Memo<>(clock, KEPT);
	}

	/**
	 * This week's report, kept for a minute.
	 * @return the most negative answers and the rising terms
	 */
	@PreAuthorize("hasRole('STAFF')")
	public Report report() {
		return this.kept.get(this::compute);
	}

	Report compute(Instant now) {
		Instant weekStart = now.minus(WEEK);
		Instant baselineStart = weekStart.minus(WEEK.multipliedBy(BASELINE_WEEKS));
		List<Row> rows = rows(baselineStart, now);
		List<HurtingAnswer> answers = new ArrayList<>();
		RisingTerms rising = new RisingTerms(BASELINE_WEEKS);
		for (Row row : rows) {
			boolean thisWeek = !row.completedAt().isBefore(weekStart);
			if (thisWeek) {
				answers.add(row.answer());
			}
			rising.add(row.drivers(), thisWeek);
		}
		answers.sort(MOST_NEGATIVE_FIRST);
		return new Report(answers.subList(0, Math.min(LIST_SIZE, answers.size())), rising.top(LIST_SIZE));
	}

	/**
	 * The negative answers of the last 7 days that a term drove, as counted in "this
	 * week" of its rising term (the same driving words, each answer once), most negative
	 * first.
	 * @param term a word or phrase, in any case
	 * @return the first {@link #TERM_LIST_SIZE} answers and how many there are
	 */
	@PreAuthorize("hasRole('STAFF')")
	public TermAnswers withTerm(String term) {
		return withTerm(term, this.clock.instant());
	}

	TermAnswers withTerm(String term, Instant now) {
		List<String> terms = RisingTerms.terms(term);
		// a term is one driving word or phrase: never empty, never a list
		String wanted = (terms.size() == 1) ? terms.get(0) : "";
		List<HurtingAnswer> answers = new ArrayList<>();
		for (Row row : rows(now.minus(WEEK), now)) {
			if (!wanted.isEmpty() && RisingTerms.terms(row.drivers()).contains(wanted)) {
				answers.add(row.answer());
			}
		}
		answers.sort(MOST_NEGATIVE_FIRST);
		return new TermAnswers(wanted, answers.subList(0, Math.min(TERM_LIST_SIZE, answers.size())), answers.size());
	}

	/**
	 * The negative open-text answers of responses completed from {@code from} to
	 * {@code now}.
	 */
	private List<Row> rows(Instant from, Instant now) {
		return this.jdbc.sql("""
				SELECT r.id, a.question_id, r.survey_id, s.name, a.text_value, a.sentiment_score, a.sentiment_drivers,
				       r.completed_at
				FROM survey_response r
				JOIN survey_answer a ON a.response_id = r.id
				JOIN survey s ON s.id = r.survey_id
				WHERE r.started_at >= ? AND r.completed_at >= ? AND r.completed_at <= ?
				  AND a.sentiment_label = 'NEGATIVE' AND a.text_value IS NOT NULL
				""")
			.params(Timestamp.from(from.minus(STARTED_BEFORE)), Timestamp.from(from), Timestamp.from(now))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					(rs.getBigDecimal(6) != null) ? rs.getBigDecimal(6).doubleValue() : 0, rs.getString(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	private static String excerpt(String text) {
		String stripped = text.strip();
		return (stripped.length() <= EXCERPT) ? stripped : stripped.substring(0, EXCERPT - 1) + "…";
	}

	/**
	 * The report.
	 *
	 * @param answers the most negative answers of the last 7 days, most negative first
	 * @param terms the terms whose use in negative answers rose most
	 */
	public record Report(List<HurtingAnswer> answers, List<RisingTerm> terms) {

		public Report {
			answers = List.copyOf(answers);
			terms = List.copyOf(terms);
		}

	}

	/**
	 * A negative open-text answer of this week.
	 *
	 * @param surveyId its survey
	 * @param surveyName the survey's name
	 * @param responseId its response
	 * @param questionId its question
	 * @param excerpt the start of the text
	 * @param score its sentiment score
	 * @param drivers the words that drove it
	 * @param completedAt when the response was completed
	 */
	public record HurtingAnswer(long surveyId, String surveyName, long responseId, long questionId, String excerpt,
			double score, String drivers, Instant completedAt) {

		/**
		 * The keyset position on the survey's results page that lists this answer first.
		 * @return a page parameter
		 */
		public String position() {
			return (this.responseId + 1) + "-0";
		}

	}

	/**
	 * The negative answers of the last 7 days that one term drove.
	 *
	 * @param term the term, in lower case as listed
	 * @param answers the most negative of them, most negative first
	 * @param total how many there are
	 */
	public record TermAnswers(String term, List<HurtingAnswer> answers, int total) {

		public TermAnswers {
			answers = List.copyOf(answers);
		}

	}

	private record Row(long responseId, long questionId, long surveyId, String surveyName, String text, double score,
			String drivers, Instant completedAt) {

		HurtingAnswer answer() {
			return new HurtingAnswer(this.surveyId, this.surveyName, this.responseId, this.questionId,
					excerpt(this.text), this.score, this.drivers, this.completedAt);
		}

	}

}

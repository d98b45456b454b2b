package com.rapport.survey.results;

import java.util.List;

import com.rapport.survey.sentiment.Sentiment;
import com.rapport.survey.sentiment.SentimentAnalyzer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores open-text answers with the portal's sentiment analyser when they are stored, and
 * scores older answers in batches for the backfill command.
 */
@Component
public class SurveyAnswerSentiment {

	static final int DRIVERS_MAX = 500;

	private final SentimentAnalyzer analyzer;

	private final JdbcClient jdbc;

	SurveyAnswerSentiment(SentimentAnalyzer analyzer, JdbcClient jdbc) {
		this.analyzer = analyzer;
		this.jdbc = jdbc;
	}

	/**
	 * Scores an open-text answer and stores the score with it.
	 * @param responseId the response
	 * @param questionId the question
	 * @param text the answer
	 */
	public void score(long responseId, long questionId, String text) {
		store(responseId, questionId, this.analyzer.analyze(text));
	}

	/**
	 * Scores the next batch of open-text answers without a score.
	 * @param fromResponseId the response id to go on from (0 to start)
	 * @param size how many answers at most
	 * @return the response id to go on from, or -1 when none was left
	 */
	@Transactional
	public long backfill(long fromResponseId, int size) {
		List<Object[]> rows = this.jdbc.sql("""
				SELECT a.response_id, a.question_id, a.text_value FROM survey_answer a
				JOIN survey_question q ON q.id = a.question_id
				WHERE a.response_id >= ? AND q.question_type = 'TEXT' AND a.text_value IS NOT NULL
				  AND a.sentiment_label IS NULL
				ORDER BY a.response_id LIMIT ?
				""")
			.params(fromResponseId, size)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3) })
			.list();
		for (Object[] row : rows) {
			score((Long) row[0], (Long) row[1], (String) row[2]);
		}
		// answers of the last response may continue in the next batch: start there again
		return rows.isEmpty() ? -1 : (Long) rows.get(rows.size() - 1)[0];
	}

	/**
	 * Scores an open-text answer without storing anything: the values of its sentiment
	 * columns, for an answer about to be inserted with them.
	 * @param text the answer
	 * @return the score, label, language and driving words as stored
	 */
	public Scored analyze(String text) {
		return columns(this.analyzer.analyze(text));
	}

	private void store(long responseId, long questionId, Sentiment sentiment) {
		Scored scored = columns(sentiment);
		this.jdbc
			.sql("UPDATE survey_answer SET sentiment_score = ?, sentiment_label = ?, sentiment_language = ?, "
					+ "sentiment_drivers = ? WHERE response_id = ? AND question_id = ?")
			.params(scored.score(), scored.label(), scored.language(), scored.drivers(), responseId, questionId)
			.update();
	}

	private static Scored columns(Sentiment sentiment) {
		String drivers = String.join(", ", sentiment.drivers());
		if (drivers.length() > DRIVERS_MAX) {
			drivers = drivers.substring(0, DRIVERS_MAX);
		}
		return new Scored(sentiment.analysed() ? sentiment.score() : null, sentiment.label().name(),
				sentiment.language().name(), drivers);
	}

	/**
	 * The sentiment columns of an open-text answer.
	 *
	 * @param score the score from -1 to 1, or null when the language is not analysed
	 * @param label the label
	 * @param language the language detected
	 * @param drivers the driving words, comma separated
	 */
	public record Scored(Double score, String label, String language, String drivers) {
	}

}

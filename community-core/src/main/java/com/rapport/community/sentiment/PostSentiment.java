package com.rapport.community.sentiment;

import java.util.List;

import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.survey.sentiment.Sentiment;
import com.rapport.survey.sentiment.SentimentAnalyzer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a post when it is written and again when it is edited, in the same transaction.
 * Also rescores stored posts in batches for the backfill command.
 */
@Component
public class PostSentiment {

	static final int DRIVERS_MAX = 500;

	private final SentimentAnalyzer analyzer;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PostSentiment(SentimentAnalyzer analyzer, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.analyzer = analyzer;
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void on(PostPublished event) {
		score(event.postId());
	}

	@EventListener
	void on(PostEdited event) {
		score(event.postId());
	}

	private void score(long postId) {
		this.jdbc.sql("SELECT raw, author_id FROM post WHERE id = ?")
			.param(postId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.optional()
			.ifPresent((row) -> {
				Sentiment sentiment = this.analyzer.analyze(AuthoredText.of((String) row[0]));
				store(postId, sentiment);
				if (sentiment.analysed()) {
					this.events.publishEvent(new PostSentimentScored(postId, (Long) row[1], sentiment.score()));
				}
			});
	}

	/**
	 * Scores the next batch of posts that have no score yet.
	 * @param afterId the last post id of the previous batch (0 to start)
	 * @param size how many posts at most
	 * @return the last post id scored, or -1 when none was left
	 */
	@Transactional
	public long backfill(long afterId, int size) {
		List<Object[]> rows = this.jdbc
			.sql("SELECT id, raw FROM post WHERE id > ? AND sentiment_label IS NULL ORDER BY id LIMIT ?")
			.params(afterId, size)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		for (Object[] row : rows) {
			store((Long) row[0], this.analyzer.analyze(AuthoredText.of((String) row[1])));
		}
		return rows.isEmpty() ? -1 : (Long) rows.get(rows.size() - 1)[0];
	}

	private void store(long postId, Sentiment sentiment) {
		String drivers = String.join(", ", sentiment.drivers());
		if (drivers.length() > DRIVERS_MAX) {
			drivers = drivers.substring(0, DRIVERS_MAX);
		}
		this.jdbc
			.sql("UPDATE post SET sentiment_score = ?, sentiment_label = ?, sentiment_language = ?, "
					+ "sentiment_drivers = ? WHERE id = ?")
			.params(sentiment.analysed() ? sentiment.score() : null, sentiment.label().name(),
					sentiment.language().name(), drivers, postId)
			.update();
	}

}

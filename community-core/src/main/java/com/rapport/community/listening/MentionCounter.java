package com.rapport.community.listening;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.rapport.community.review.WatchedWordMatcher;
import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.survey.response.ResponseSubmitted;
import com.rapport.survey.response.ResponsesSubmitted;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.sentiment.SentimentAnalyzer;
import com.rapport.survey.sentiment.SentimentLabel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts the watched terms a post or an open-text answer mentions, in the transaction
 * that writes it: just before it commits, so that the sentiment stored by the other
 * listeners of the same event is there to be read. Each term counts once per post or
 * answer however often it appears (a topic title counts with its first post); the mention
 * row makes a second count of the same item (the backfill meeting the live path) a no-op.
 */
@Component
public class MentionCounter {

	private final JdbcClient jdbc;

	private final WatchTerms terms;

	private final SentimentAnalyzer analyzer;

	private final ZoneId zone;

	MentionCounter(JdbcClient jdbc, WatchTerms terms, SentimentAnalyzer analyzer,
			@Value("${rapport.time-zone:UTC}") String zone) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.analyzer = analyzer;
		this.zone = ZoneId.of(zone);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PostPublished event) {
		WatchedWordMatcher matcher = this.terms.matcher();
		this.jdbc.sql("""
				SELECT p.id, p.raw, p.sentiment_label, p.created_at, CASE WHEN p.post_number = 1 THEN t.title END
				FROM post p JOIN topic t ON t.id = p.topic_id WHERE p.id = ?""")
			.param(event.postId())
			.query((rs, n) -> postItem(rs))
			.optional()
			.ifPresent((item) -> count(matcher, item));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ResponsesSubmitted event) {
		// the open-text answers of the responses completed: the event carries them with
		// their sentiment, so nothing is read back, and without any the terms are not
		// even looked at
		List<Item> items = new ArrayList<>();
		for (ResponseSubmitted response : event.responses()) {
			for (ResponseSubmitted.Answer answer : response.answers()) {
				if (answer.type() == QuestionType.TEXT && answer.text() != null) {
					items.add(new Item(Source.ANSWER, response.responseId(), answer.questionId(), answer.text(),
							answer.sentimentLabel(), response.completedAt()));
				}
			}
		}
		if (items.isEmpty()) {
			return;
		}
		WatchedWordMatcher matcher = this.terms.matcher();
		items.forEach((item) -> count(matcher, item));
	}

	/**
	 * Counts the terms of the matcher that the item mentions.
	 * @return how many terms were newly counted for it
	 */
	int count(WatchedWordMatcher matcher, Item item) {
		TreeSet<Long> found = new TreeSet<>();
		for (WatchedWordMatcher.Match match : matcher.find(item.text())) {
			found.add(match.word().id());
		}
		if (found.isEmpty()) {
			return 0;
		}
		String label = (item.label() != null) ? item.label() : this.analyzer.analyze(item.text()).label().name();
		LocalDate day = LocalDate.ofInstant(item.at(), this.zone);
		int counted = 0;
		// in id order, so that concurrent writers lock the day rows in the same order
		for (long termId : found) {
			int inserted = this.jdbc
				.sql("INSERT IGNORE INTO watch_term_mention "
						+ "(term_id, source, item_id, item_key, mentioned_at, label) VALUES (?, ?, ?, ?, ?, ?)")
				.params(termId, item.source().name(), item.itemId(), item.itemKey(), Timestamp.from(item.at()), label)
				.update();
			if (inserted == 0) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO watch_term_day (term_id, day, mentions, negative, neutral, positive)
					VALUES (?, ?, 1, ?, ?, ?)
					ON DUPLICATE KEY UPDATE mentions = mentions + 1, negative = negative + VALUES(negative),
					    neutral = neutral + VALUES(neutral), positive = positive + VALUES(positive)""")
				.params(termId, Date.valueOf(day), is(label, SentimentLabel.NEGATIVE),
						is(label, SentimentLabel.NEUTRAL), is(label, SentimentLabel.POSITIVE))
				.update();
			counted++;
		}
		return counted;
	}

	/**
	 * A post read as {@code id, raw, sentiment_label, created_at, title}: the topic's
	 * title (given for a first post only) counts as part of what its author wrote.
	 */
	static Item postItem(java.sql.ResultSet rs) throws java.sql.SQLException {
		String title = rs.getString(5);
		String text = (title != null) ? title + "\n" + rs.getString(2) : rs.getString(2);
		return new Item(Source.POST, rs.getLong(1), 0, text, rs.getString(3), rs.getTimestamp(4).toInstant());
	}

	private static int is(String label, SentimentLabel expected) {
		return expected.name().equals(label) ? 1 : 0;
	}

	/**
	 * A post or an open-text answer.
	 *
	 * @param source where
	 * @param itemId the post or the response
	 * @param itemKey 0 or the question
	 * @param text what was written
	 * @param label its stored sentiment label, or null when not scored yet
	 * @param at when it was written
	 */
	record Item(Source source, long itemId, long itemKey, String text, String label, Instant at) {
	}

}

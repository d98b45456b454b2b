package com.rapport.community.listening;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.review.WatchedWordMatcher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts a newly added term over the posts and answers written before it was added: posts
 * by keyset on their id, answers of completed responses by keyset on (response,
 * question), in batches of {@value #BATCH}, one transaction each. The live path counts
 * the term from the moment it is added; both write the same mention rows, so an item both
 * see counts once. Run by {@link WatchTermBackfillJob} (once across nodes) and callable
 * directly.
 */
@Component
public class WatchTermBackfill {

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MentionCounter counter;

	private final Clock clock;

	WatchTermBackfill(JdbcClient jdbc, TransactionTemplate transactions, MentionCounter counter, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.counter = counter;
		this.clock = clock;
	}

	/**
	 * Counts every term not counted over older content yet.
	 * @return how many mentions were counted
	 */
	public int backfillPending() {
		List<WatchTerm> pending = this.jdbc
			.sql("SELECT id, term, created_at, backfilled_at FROM watch_term WHERE backfilled_at IS NULL ORDER BY id")
			.query((rs, n) -> new WatchTerm(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), false))
			.list();
		int total = 0;
		for (WatchTerm term : pending) {
			total += backfill(term);
		}
		return total;
	}

	private int backfill(WatchTerm term) {
		WatchedWordMatcher matcher = WatchTerms.matcherOf(List.of(term));
		int total = 0;
		long afterPost = 0;
		while (afterPost >= 0) {
			long from = afterPost;
			long[] result = this.transactions.execute((status) -> posts(matcher, from));
			total += (int) result[1];
			afterPost = result[0];
		}
		long[] afterAnswer = { 0, 0 };
		while (afterAnswer[0] >= 0) {
			long[] from = afterAnswer;
			long[] result = this.transactions.execute((status) -> answers(matcher, from[0], from[1]));
			total += (int) result[2];
			afterAnswer = new long[] { result[0], result[1] };
		}
		this.jdbc.sql("UPDATE watch_term SET backfilled_at = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), term.id())
			.update();
		return total;
	}

	/** Returns the last post id read (-1 at the end) and the mentions counted. */
	private long[] posts(WatchedWordMatcher matcher, long afterId) {
		List<MentionCounter.Item> items = this.jdbc.sql("""
				SELECT p.id, p.raw, p.sentiment_label, p.created_at, CASE WHEN p.post_number = 1 THEN t.title END
				FROM post p STRAIGHT_JOIN topic t ON t.id = p.topic_id
				WHERE p.id > ? AND p.deleted_at IS NULL ORDER BY p.id LIMIT ?""")
			.params(afterId, BATCH)
			.query((rs, n) -> MentionCounter.postItem(rs))
			.list();
		long counted = 0;
		for (MentionCounter.Item item : items) {
			counted += this.counter.count(matcher, item);
		}
		return new long[] { (items.size() < BATCH) ? -1 : items.get(items.size() - 1).itemId(), counted };
	}

	/**
	 * Returns the last (response, question) read (response -1 at the end) and the
	 * mentions counted.
	 */
	private long[] answers(WatchedWordMatcher matcher, long afterResponse, long afterQuestion) {
		List<MentionCounter.Item> items = this.jdbc.sql("""
				SELECT a.response_id, a.question_id, a.text_value, a.sentiment_label, r.completed_at
				FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
				JOIN survey_question q ON q.id = a.question_id
				WHERE (a.response_id > ? OR (a.response_id = ? AND a.question_id > ?))
				  AND q.question_type = 'TEXT' AND a.text_value IS NOT NULL AND r.completed_at IS NOT NULL
				ORDER BY a.response_id, a.question_id LIMIT ?""")
			.params(afterResponse, afterResponse, afterQuestion, BATCH)
			.query((rs, n) -> new MentionCounter.Item(Source.ANSWER, rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
		long counted = 0;
		for (MentionCounter.Item item : items) {
			counted += this.counter.count(matcher, item);
		}
		if (items.size() < BATCH) {
			return new long[] { -1, 0, counted };
		}
		MentionCounter.Item last = items.get(items.size() - 1);
		return new long[] { last.itemId(), last.itemKey(), counted };
	}

}

package com.rapport.db.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks after generation that the denormalised counters agree with the rows they count,
 * and prints table checksums: two runs with the same seed and sizes print the same ones.
 */
final class Verification {

	// each query counts the rows that break a rule

	private static final String TOPIC_POSTS = "SELECT COUNT(*) FROM topic t LEFT JOIN (SELECT topic_id, COUNT(*) n,"
			+ " MIN(post_number) lo, MAX(post_number) hi FROM post GROUP BY topic_id) p ON p.topic_id = t.id"
			+ " WHERE p.n IS NULL OR p.lo <> 1 OR p.hi <> p.n OR t.reply_count <> p.n - 1";

	private static final String FIRST_POST = "SELECT COUNT(*) FROM topic t JOIN post p ON p.topic_id = t.id"
			+ " AND p.post_number = 1 WHERE p.author_id <> t.author_id OR p.created_at <> t.created_at";

	private static final String LAST_POST = "SELECT COUNT(*) FROM topic t JOIN post p ON p.topic_id = t.id"
			+ " AND p.post_number = t.reply_count + 1"
			+ " WHERE p.author_id <> t.last_poster_id OR p.created_at <> t.last_posted_at";

	private static final String TIME_ORDER = "SELECT COUNT(*) FROM post a JOIN post b ON b.topic_id = a.topic_id"
			+ " AND b.post_number = a.post_number + 1 WHERE b.created_at <= a.created_at";

	private static final String CATEGORY_COUNTS = "SELECT COUNT(*) FROM category c LEFT JOIN (SELECT category_id,"
			+ " COUNT(*) topics, SUM(reply_count + 1) posts FROM topic GROUP BY category_id) t"
			+ " ON t.category_id = c.id"
			+ " WHERE c.topic_count <> COALESCE(t.topics, 0) OR c.post_count <> COALESCE(t.posts, 0)";

	private static final String AUTHORS = "SELECT (SELECT COUNT(*) FROM post p LEFT JOIN member m"
			+ " ON m.id = p.author_id WHERE m.id IS NULL) + (SELECT COUNT(*) FROM topic t LEFT JOIN member m"
			+ " ON m.id = t.last_poster_id WHERE m.id IS NULL)";

	private static final String REPLIES = "SELECT COUNT(*) FROM post p LEFT JOIN post r ON r.id = p.reply_to_post_id"
			+ " WHERE p.reply_to_post_id IS NOT NULL AND (r.id IS NULL OR r.topic_id <> p.topic_id"
			+ " OR r.post_number >= p.post_number)";

	private static final String CHECKSUMS = "CHECKSUM TABLE member, member_role, category, topic, post, survey,"
			+ " survey_question";

	private Verification() {
	}

	/**
	 * Runs the checks and prints the checksums.
	 * @param database the database
	 * @param out where to print
	 * @return whether every check passed
	 * @throws SQLException if a query fails
	 */
	static boolean run(Database database, PrintStream out) throws SQLException {
		try (Connection c = database.open()) {
			boolean passed = check(out, "every topic has posts numbered 1..n, reply_count = n - 1",
					c.prepareStatement(TOPIC_POSTS));
			passed &= check(out, "topic author and created_at are those of post 1", c.prepareStatement(FIRST_POST));
			passed &= check(out, "last_posted_at and last_poster_id are those of the last post",
					c.prepareStatement(LAST_POST));
			passed &= check(out, "posts of a topic are in time order", c.prepareStatement(TIME_ORDER));
			passed &= check(out, "category topic_count and post_count", c.prepareStatement(CATEGORY_COUNTS));
			passed &= check(out, "authors exist", c.prepareStatement(AUTHORS));
			passed &= check(out, "replies point to an earlier post of the same topic", c.prepareStatement(REPLIES));
			try (PreparedStatement checksums = c.prepareStatement(CHECKSUMS);
					ResultSet result = checksums.executeQuery()) {
				while (result.next()) {
					out.println("  checksum " + result.getString(1) + " = " + result.getString(2));
				}
			}
			return passed;
		}
	}

	private static boolean check(PrintStream out, String rule, PreparedStatement query) throws SQLException {
		try (query; ResultSet result = query.executeQuery()) {
			long broken = result.next() ? result.getLong(1) : -1;
			out.println(((broken == 0) ? "  ok      " : "  FAILED  ") + rule
					+ ((broken == 0) ? "" : " (" + broken + " rows)"));
			return broken == 0;
		}
	}

}

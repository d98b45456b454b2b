import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Puts pending items in the review queue of a benchmark database (run by
 * bench/review-queue.sh with Java's single-file launcher): flagged posts, held posts
 * awaiting approval and appeals, taken from the posts the dataset generator wrote.
 * Usage: java -cp mysql-connector-j.jar bench/ReviewQueueSeed.java JDBC_URL [items [staff password]]
 */
public class ReviewQueueSeed {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int items = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		int flagged = items * 7 / 10;
		int held = items * 2 / 10;
		int appeals = items - flagged - held;
		try (Connection db = DriverManager.getConnection(url, "rapport", "rapport");
				Statement sql = db.createStatement()) {
			// the staff account the benchmark signs in with (the generated members' passwords are
			// unknown); {noop} is read by the delegating password encoder
			if (args.length > 3) {
				try (var insert = db.prepareStatement("""
						INSERT IGNORE INTO member (username, email, password_hash, email_verified_at, created_at)
						VALUES (?, CONCAT(?, '@bench.invalid'), CONCAT('{noop}', ?), NOW(6), NOW(6))
						""")) {
					insert.setString(1, args[2]);
					insert.setString(2, args[2]);
					insert.setString(3, args[3]);
					insert.executeUpdate();
				}
				try (var roles = db.prepareStatement("""
						INSERT IGNORE INTO member_role (member_id, role, granted_at)
						SELECT id, r.role, NOW(6) FROM member
						JOIN (SELECT 'MEMBER' AS role UNION ALL SELECT 'MODERATOR' UNION ALL SELECT 'STAFF') r
						WHERE username = ?
						""")) {
					roles.setString(1, args[2]);
					roles.executeUpdate();
				}
			}
			sql.executeUpdate("DELETE FROM review_item WHERE reasons LIKE '%bench%'");
			sql.executeUpdate("DELETE FROM queued_post WHERE raw LIKE 'bench %'");
			// flagged posts: priority from a score of 1.00 to 4.00, one in five hidden by flags
			sql.executeUpdate("""
					INSERT INTO review_item (kind, reasons, score, priority, post_id, author_id, category_id, topic_id,
					                         open_key, created_at)
					SELECT 'FLAGGED', IF(MOD(p.id, 5) = 0, 'flag:SPAM,hidden-by-flags,bench', 'flag:OFF_TOPIC,bench'),
					       1 + MOD(p.id, 4), 100 + 10 * (1 + MOD(p.id, 4)) + IF(MOD(p.id, 5) = 0, 500, 0), p.id, p.author_id,
					       t.category_id, p.topic_id, CONCAT('post:', p.id),
					       NOW(6) - INTERVAL MOD(p.id, 10000) MINUTE
					FROM post p JOIN topic t ON t.id = p.topic_id
					WHERE p.post_number > 1 ORDER BY p.id LIMIT %d
					""".formatted(flagged));
			sql.executeUpdate("""
					INSERT INTO queued_post (author_id, category_id, topic_id, raw, created_at)
					SELECT t.author_id, t.category_id, t.id, CONCAT('bench reply awaiting approval ', t.id),
					       NOW(6) - INTERVAL MOD(t.id, 5000) MINUTE
					FROM topic t ORDER BY t.id LIMIT %d
					""".formatted(held));
			sql.executeUpdate("""
					INSERT INTO review_item (kind, reasons, priority, queued_post_id, author_id, category_id, topic_id,
					                         open_key, created_at)
					SELECT 'APPROVAL', 'new-member,bench', 300, q.id, q.author_id, q.category_id, q.topic_id,
					       CONCAT('queued:', q.id), q.created_at
					FROM queued_post q WHERE q.raw LIKE 'bench %'
					""");
			sql.executeUpdate("""
					INSERT INTO review_item (kind, reasons, priority, post_id, author_id, category_id, topic_id,
					                         open_key, created_at)
					SELECT 'APPEAL', 'appeal:POST,bench', 400, NULL, p.author_id, t.category_id, p.topic_id,
					       CONCAT('bench-appeal:', p.id), NOW(6) - INTERVAL MOD(p.id, 3000) MINUTE
					FROM post p JOIN topic t ON t.id = p.topic_id
					WHERE p.post_number = 1 ORDER BY p.id DESC LIMIT %d
					""".formatted(appeals));
			try (var rs = sql.executeQuery("SELECT kind, COUNT(*) FROM review_item WHERE status = 'PENDING' "
					+ "GROUP BY kind ORDER BY kind")) {
				while (rs.next()) {
					System.out.printf("%-12s %,d pending%n", rs.getString(1), rs.getLong(2));
				}
			}
		}
	}

}

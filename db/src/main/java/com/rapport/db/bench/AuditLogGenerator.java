package com.rapport.db.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.flywaydb.core.Flyway;

import com.rapport.db.EmbeddedDatabaseProperties;
import com.rapport.db.EmbeddedMariaDb;

/**
 * Fills the audit log of a generated dataset (bench/generate.sh first) with moderator
 * actions on its topics, posts and members, spread over two and a half years in id order,
 * for bench/audit-log.sh. Deterministic for a seed, like the dataset.
 *
 * <pre>
 * --url JDBC-URL | --embedded DIR   the database (as for the dataset generator)
 * --user NAME --password SECRET     credentials with --url
 * --entries N                       entries to write (default 1,000,000)
 * --seed N                          random seed (default 42)
 * --batch N                         rows per batch (default 2,000)
 * </pre>
 */
public final class AuditLogGenerator {

	private static final String INSERT = "INSERT INTO audit_log (actor_id, actor_username, action, target_type,"
			+ " target_id, target_label, subject_member_id, reason, before_text, after_text, created_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	// action, target type; the mix a forum sees: mostly hides, deletes and closes
	private static final String[][] ACTIONS = { { "post.hide", "POST" }, { "post.hide", "POST" },
			{ "post.delete", "POST" }, { "post.delete", "POST" }, { "post.unhide", "POST" }, { "post.edit", "POST" },
			{ "topic.close", "TOPIC" }, { "topic.close", "TOPIC" }, { "topic.move", "TOPIC" }, { "topic.pin", "TOPIC" },
			{ "topic.unpin", "TOPIC" }, { "topic.merge", "TOPIC" }, { "member.silence", "MEMBER" },
			{ "member.suspend", "MEMBER" }, { "member.note", "MEMBER" }, { "member.unsilence", "MEMBER" } };

	private static final String[] REASONS = { "Spam", "Off topic", "Duplicate of an older topic",
			"Personal data removed", "Insults", "广告", "重复的主题", "Оскорбления", "Не по теме", null };

	private static final long SEED_KIND = 7;

	private static final long SPAN_SECONDS = 900L * 24 * 3600;

	private AuditLogGenerator() {
	}

	public static void main(String[] args) throws SQLException {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		String url = null;
		String user = "root";
		String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
		String embedded = null;
		long entries = 1_000_000;
		long seed = 42;
		int batch = 2_000;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--url" -> url = args[++i];
				case "--user" -> user = args[++i];
				case "--password" -> password = args[++i];
				case "--embedded" -> embedded = args[++i];
				case "--entries" -> entries = Long.parseLong(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--batch" -> batch = Integer.parseInt(args[++i]);
				default -> {
					out.println("Unknown option " + args[i] + "; see the class comment of AuditLogGenerator");
					System.exit(2);
				}
			}
		}
		EmbeddedMariaDb server = null;
		try {
			if (embedded != null) {
				server = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(Path.of(embedded), false, "rapport", 0));
				url = server.jdbcUrl();
			}
			if (url == null) {
				out.println("Give --url or --embedded");
				System.exit(2);
			}
			Database database = new Database(url, user, password);
			Flyway.configure()
				.dataSource(database.url(), user, password)
				.locations("classpath:db/migration")
				.load()
				.migrate();
			long started = System.nanoTime();
			long written = generate(database, entries, seed, batch, out);
			out.printf(Locale.ROOT, "Wrote %,d audit log entries in %.1f s%n", written,
					(System.nanoTime() - started) / 1e9);
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	private static long generate(Database database, long entries, long seed, int batch, PrintStream out)
			throws SQLException {
		List<long[]> moderators = new ArrayList<>();
		List<String> moderatorNames = new ArrayList<>();
		long maxMember;
		long maxTopic;
		long maxPost;
		try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM audit_log")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new SQLException("audit_log already holds entries: generate into a fresh dataset");
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT m.id, m.username FROM member m JOIN member_role r"
					+ " ON r.member_id = m.id AND r.role = 'MODERATOR' ORDER BY m.id")) {
				while (rs.next()) {
					moderators.add(new long[] { rs.getLong(1) });
					moderatorNames.add(rs.getString(2));
				}
			}
			maxMember = single(statement, "SELECT COALESCE(MAX(id), 0) FROM member");
			maxTopic = single(statement, "SELECT COALESCE(MAX(id), 0) FROM topic");
			maxPost = single(statement, "SELECT COALESCE(MAX(id), 0) FROM post");
		}
		if (moderators.isEmpty() || maxTopic == 0) {
			throw new SQLException("Generate the forum dataset first (bench/generate.sh): no moderators or topics");
		}
		Progress progress = new Progress("audit_log", entries, out);
		database.inBulkSession((connection) -> {
			try (BatchInsert rows = new BatchInsert(connection, connection.prepareStatement(INSERT), batch, progress)) {
				for (long i = 0; i < entries; i++) {
					SplittableRandom random = Seeds.random(seed, SEED_KIND, i);
					int actor = random.nextInt(moderators.size());
					String[] action = ACTIONS[random.nextInt(ACTIONS.length)];
					long target = switch (action[1]) {
						case "POST" -> 1 + random.nextLong(maxPost);
						case "TOPIC" -> 1 + random.nextLong(maxTopic);
						default -> 2 + random.nextLong(Math.max(1, maxMember - 1));
					};
					long subject = action[1].equals("MEMBER") ? target
							: 2 + random.nextLong(Math.max(1, maxMember - 1));
					String reason = REASONS[random.nextInt(REASONS.length)];
					var statement = rows.statement();
					statement.setLong(1, moderators.get(actor)[0]);
					statement.setString(2, moderatorNames.get(actor));
					statement.setString(3, action[0]);
					statement.setString(4, action[1]);
					statement.setLong(5, target);
					statement.setString(6, action[1].toLowerCase(Locale.ROOT) + " #" + target);
					statement.setLong(7, subject);
					statement.setString(8, reason);
					statement.setString(9, action[0].equals("post.edit") ? "Text before the edit " + i : null);
					statement.setString(10, action[0].equals("post.edit") ? "Text after the edit " + i : null);
					// ids follow time, as they do when the portal writes the log
					statement.setObject(11, ForumPlan.EPOCH.plusSeconds(i * SPAN_SECONDS / entries));
					rows.add();
				}
			}
			return null;
		});
		try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE TABLE audit_log");
		}
		return progress.finish();
	}

	private static long single(Statement statement, String query) throws SQLException {
		try (ResultSet rs = statement.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}

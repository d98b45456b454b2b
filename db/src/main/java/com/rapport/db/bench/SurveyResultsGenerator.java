package com.rapport.db.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import com.rapport.db.EmbeddedDatabaseProperties;
import com.rapport.db.EmbeddedMariaDb;

/**
 * Adds a survey "bench-results" (NPS, customer effort, open text) with N responses spread
 * over the last 365 days to a dataset, for bench/survey-results.sh. Only raw rows are
 * written: the portal builds the rollups from them with
 * {@code --rapport.rollups.rebuild=true} and scores the texts with
 * {@code --rapport.survey.sentiment.backfill=true}, so both commands are measured too.
 * Deterministic for a seed (except the time they end at: now).
 *
 * <pre>
 * --url JDBC-URL | --embedded DIR   the database (as for the dataset generator)
 * --user NAME --password SECRET     credentials with --url
 * --responses N                     responses to write (default 1,000,000)
 * --seed N                          random seed (default 42)
 * --batch N                         rows per batch (default 2,000)
 * </pre>
 */
public final class SurveyResultsGenerator {

	static final String KEY = "bench-results";

	private static final String INSERT_RESPONSE = "INSERT INTO survey_response (id, public_id, survey_id,"
			+ " survey_version, channel, locale, device, status, started_at, completed_at)"
			+ " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_ANSWER = "INSERT INTO survey_answer (response_id, question_id, number_value,"
			+ " text_value) VALUES (?, ?, ?, ?)";

	private static final String[] CHANNELS = { "LINK", "EMBED", "EMBED", "FORUM" };

	private static final String[] LOCALES = { "en", "en", "zh-CN", "ru" };

	private static final String[] DEVICES = { "DESKTOP", "MOBILE", "MOBILE", "TABLET" };

	// NPS answers 0..10 weighted like a typical B2C survey (about 45% promoters, 20%
	// detractors)
	private static final int[] NPS_WEIGHTS = { 2, 1, 1, 2, 2, 5, 7, 15, 20, 20, 25 };

	private static final String[] TEXTS = { "Great product, the support team was really helpful!",
			"The app is slow and the checkout keeps failing.", "It works, nothing special.",
			"Love the new dashboard, so easy to use.", "Terrible experience, I waited two weeks for a refund.",
			"质量很好，客服也很耐心。", "物流太慢了，很失望。", "Отличный сервис, всё быстро.", "Ужасно медленная доставка.",
			"Not bad, but the prices went up." };

	private static final long SEED_KIND = 11;

	private static final long SPAN_SECONDS = 365L * 24 * 3600;

	private SurveyResultsGenerator() {
	}

	public static void main(String[] args) throws SQLException {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		String url = null;
		String user = "root";
		String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
		String embedded = null;
		long responses = 1_000_000;
		long seed = 42;
		int batch = 2_000;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--url" -> url = args[++i];
				case "--user" -> user = args[++i];
				case "--password" -> password = args[++i];
				case "--embedded" -> embedded = args[++i];
				case "--responses" -> responses = Long.parseLong(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--batch" -> batch = Integer.parseInt(args[++i]);
				default -> {
					out.println("Unknown option " + args[i] + "; see the class comment of SurveyResultsGenerator");
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
			long surveyId = generate(database, responses, seed, batch, out);
			out.printf(Locale.ROOT, "Wrote survey %s (id %d) with %,d responses in %.1f s%n", KEY, surveyId, responses,
					(System.nanoTime() - started) / 1e9);
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	private static long generate(Database database, long responses, long seed, int batch, PrintStream out)
			throws SQLException {
		Instant end = Instant.now();
		long surveyId;
		long[] questions = new long[3];
		long firstResponse;
		try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("SELECT COUNT(*) FROM survey WHERE survey_key = '" + KEY + "'")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new SQLException("The dataset already holds the survey " + KEY);
				}
			}
			Timestamp created = Timestamp.from(end.minusSeconds(SPAN_SECONDS + 86_400));
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO survey (survey_key, name, status, created_at, published_at, once_per_respondent)"
							+ " VALUES (?, 'Bench results', 'PUBLISHED', ?, ?, FALSE)",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, KEY);
				insert.setTimestamp(2, created);
				insert.setTimestamp(3, created);
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					surveyId = keys.getLong(1);
				}
			}
			String[][] asked = { { "NPS", "How likely are you to recommend us?" },
					{ "CES", "The company made it easy for me to handle my issue." }, { "TEXT", "Why?" } };
			for (int i = 0; i < asked.length; i++) {
				try (PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO survey_question (survey_id, survey_version, position, question_type, required,"
								+ " prompt_en, question_key) VALUES (?, 1, ?, ?, ?, ?, ?)",
						Statement.RETURN_GENERATED_KEYS)) {
					insert.setLong(1, surveyId);
					insert.setInt(2, i + 1);
					insert.setString(3, asked[i][0]);
					insert.setBoolean(4, i < 2);
					insert.setString(5, asked[i][1]);
					insert.setString(6, "q" + (i + 1));
					insert.executeUpdate();
					try (ResultSet keys = insert.getGeneratedKeys()) {
						keys.next();
						questions[i] = keys.getLong(1);
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM survey_response")) {
				rs.next();
				firstResponse = rs.getLong(1);
			}
		}
		int weightSum = 0;
		for (int weight : NPS_WEIGHTS) {
			weightSum += weight;
		}
		final int totalWeight = weightSum;
		Progress responseProgress = new Progress("survey_response", responses, out);
		Progress answerProgress = new Progress("survey_answer", 0, out);
		database.inBulkSession((connection) -> {
			try (BatchInsert rows = new BatchInsert(connection, connection.prepareStatement(INSERT_RESPONSE), batch,
					responseProgress);
					BatchInsert answers = new BatchInsert(connection, connection.prepareStatement(INSERT_ANSWER),
							batch * 2, answerProgress)) {
				for (long i = 0; i < responses; i++) {
					SplittableRandom random = Seeds.random(seed, SEED_KIND, i);
					long id = firstResponse + i;
					// ids grow with time, as they do when responses arrive
					long offset = SPAN_SECONDS - (SPAN_SECONDS * (responses - i) / responses);
					Instant startedAt = end.minusSeconds(SPAN_SECONDS).plusSeconds(offset);
					boolean complete = random.nextInt(10) > 0;
					PreparedStatement row = rows.statement();
					row.setLong(1, id);
					row.setString(2, new UUID(random.nextLong(), random.nextLong()).toString());
					row.setLong(3, surveyId);
					row.setString(4, CHANNELS[random.nextInt(CHANNELS.length)]);
					row.setString(5, LOCALES[random.nextInt(LOCALES.length)]);
					row.setString(6, DEVICES[random.nextInt(DEVICES.length)]);
					row.setString(7, complete ? "COMPLETE" : "PARTIAL");
					row.setTimestamp(8, Timestamp.from(startedAt));
					row.setTimestamp(9, complete ? Timestamp.from(startedAt.plusSeconds(40)) : null);
					rows.add();
					answer(answers, id, questions[0], nps(random.nextInt(totalWeight)), null);
					if (complete) {
						answer(answers, id, questions[1], 1 + Math.min(6, random.nextInt(4) + random.nextInt(4)), null);
						if (random.nextInt(5) == 0) {
							answer(answers, id, questions[2], null, TEXTS[random.nextInt(TEXTS.length)]);
						}
					}
				}
				rows.flush();
				answers.flush();
			}
			return null;
		});
		try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
			try (PreparedStatement count = connection.prepareStatement("UPDATE survey SET response_count = (SELECT"
					+ " COUNT(*) FROM survey_response WHERE survey_id = ? AND status = 'COMPLETE') WHERE id = ?")) {
				count.setLong(1, surveyId);
				count.setLong(2, surveyId);
				count.executeUpdate();
			}
			statement.execute("ANALYZE TABLE survey_response, survey_answer");
		}
		return surveyId;
	}

	private static void answer(BatchInsert answers, long responseId, long questionId, Integer number, String text)
			throws SQLException {
		PreparedStatement row = answers.statement();
		row.setLong(1, responseId);
		row.setLong(2, questionId);
		if (number != null) {
			row.setInt(3, number);
		}
		else {
			row.setNull(3, java.sql.Types.INTEGER);
		}
		row.setString(4, text);
		answers.add();
	}

	private static int nps(int pick) {
		int left = pick;
		for (int score = 0; score < NPS_WEIGHTS.length; score++) {
			left -= NPS_WEIGHTS[score];
			if (left < 0) {
				return score;
			}
		}
		return 10;
	}

}

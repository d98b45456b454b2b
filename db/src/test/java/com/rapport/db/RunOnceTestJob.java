package com.rapport.db;

import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.db.cluster.RunOnce;

import org.springframework.stereotype.Component;

/**
 * A job for {@link ClusterLockIntegrationTest}, found by the test application's component
 * scan, so the db tests keep sharing one context.
 */
@Component
public class RunOnceTestJob {

	private final AtomicInteger runs = new AtomicInteger();

	@RunOnce(value = "test-job", every = "${test.job.every:10m}")
	public void run() {
		this.runs.incrementAndGet();
	}

	public int runs() {
		return this.runs.get();
	}

}

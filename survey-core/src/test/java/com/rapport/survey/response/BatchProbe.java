package com.rapport.survey.response;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Watches the transactions that complete responses, just before they commit: records how
 * many responses each completes, and, when a test arms it, holds the transaction open
 * until the test lets it go, or makes its commit fail as a database going away would.
 * Unarmed, it only records.
 */
@Component
class BatchProbe {

	final List<Integer> sizes = new CopyOnWriteArrayList<>();

	private volatile CountDownLatch entered;

	private volatile CountDownLatch gate;

	private volatile boolean failing;

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void beforeCommit(ResponsesSubmitted event) throws InterruptedException {
		this.sizes.add(event.responses().size());
		CountDownLatch hold = this.gate;
		if (hold != null) {
			CountDownLatch in = this.entered;
			if (in != null) {
				in.countDown();
			}
			hold.await(30, TimeUnit.SECONDS);
		}
		if (this.failing) {
			throw new TransientDataAccessResourceException("the commit failed (test)");
		}
	}

	/** The next transactions wait before their commit until {@link #release}. */
	CountDownLatch hold() {
		this.entered = new CountDownLatch(1);
		this.gate = new CountDownLatch(1);
		return this.entered;
	}

	void release() {
		CountDownLatch hold = this.gate;
		this.gate = null;
		if (hold != null) {
			hold.countDown();
		}
	}

	void failCommits(boolean fail) {
		this.failing = fail;
	}

	void reset() {
		release();
		this.failing = false;
		this.sizes.clear();
	}

}

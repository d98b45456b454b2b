package com.rapport.community.listening;

import com.rapport.db.cluster.RunOnce;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backfills newly added watch terms every {@code rapport.listening.backfill-interval}
 * (default 30 s), on one node at a time.
 */
@Component
class WatchTermBackfillJob {

	private final WatchTermBackfill backfill;

	WatchTermBackfillJob(WatchTermBackfill backfill) {
		this.backfill = backfill;
	}

	@Scheduled(fixedDelayString = "${rapport.listening.backfill-interval:30s}",
			initialDelayString = "${rapport.listening.backfill-interval:30s}")
	@RunOnce(value = "watch-term-backfill", lockAtMostFor = "1h")
	void run() {
		this.backfill.backfillPending();
	}

}

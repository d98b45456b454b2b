package com.rapport.community.sentiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Scores every post that has no sentiment yet (posts written before the analyser existed)
 * when the portal is started with {@code --rapport.sentiment.backfill=true}, in batches
 * of 1,000 so it never holds many rows in memory; the portal then goes on as usual.
 */
@Component
class SentimentBackfillRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SentimentBackfillRunner.class);

	private static final int BATCH = 1000;

	private final PostSentiment posts;

	private final boolean enabled;

	SentimentBackfillRunner(PostSentiment posts, @Value("${rapport.sentiment.backfill:false}") boolean enabled) {
		this.posts = posts;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		long started = System.nanoTime();
		long last = 0;
		long batches = 0;
		while ((last = this.posts.backfill(last, BATCH)) >= 0) {
			batches++;
		}
		log.info("Sentiment backfill scored {} batch(es) of up to {} posts in {} ms", batches, BATCH,
				(System.nanoTime() - started) / 1_000_000);
	}

}

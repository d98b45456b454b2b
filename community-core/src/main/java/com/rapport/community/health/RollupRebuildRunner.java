package com.rapport.community.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Started with {@code --rapport.community.rollups.rebuild=true}, empties the community
 * health rollups and counts every member, post and flag again before serving.
 */
@Component
class RollupRebuildRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RollupRebuildRunner.class);

	private final CommunityRollups rollups;

	private final boolean enabled;

	RollupRebuildRunner(CommunityRollups rollups,
			@Value("${rapport.community.rollups.rebuild:false}") boolean enabled) {
		this.rollups = rollups;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		long started = System.nanoTime();
		int counted = this.rollups.rebuild();
		log.info("Community rollups rebuilt from {} rows in {} ms", counted, (System.nanoTime() - started) / 1_000_000);
	}

}

package com.rapport.community;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the community core's integration tests: one Spring context and one embedded
 * MariaDB for all of them. Tests stay independent by creating their own members and
 * categories with unique names.
 */
@SpringBootTest(classes = CommunityTestApplication.class,
		properties = { "rapport.db.embedded.ephemeral=true", ReviewDefaults.APPROVALS, ReviewDefaults.POSTS,
				ReviewDefaults.NEW_POSTS, ReviewDefaults.TOPICS, ReviewDefaults.NEW_TOPICS, ReviewDefaults.SAME_TEXT,
				ReviewDefaults.LINKS })
public abstract class CommunityIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	protected static String unique(String prefix) {
		return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
	}

}

package com.rapport.community.listening;

import java.time.Instant;

/**
 * A term staff watch.
 *
 * @param id its id
 * @param term the literal text, case-folded
 * @param createdAt when it was added
 * @param backfilled whether the content written before it was added has been counted
 */
public record WatchTerm(long id, String term, Instant createdAt, boolean backfilled) {
}

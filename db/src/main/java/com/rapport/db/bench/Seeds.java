package com.rapport.db.bench;

import java.util.SplittableRandom;

/**
 * Deterministic random streams: one per (seed, kind of row, row index), so a row's
 * content never depends on the order or the thread in which rows are written.
 */
final class Seeds {

	static final long MEMBERS = 1;

	static final long CATEGORIES = 2;

	static final long PLAN = 3;

	static final long TOPICS = 4;

	static final long POSTS = 5;

	static final long SURVEYS = 6;

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private Seeds() {
	}

	/**
	 * A random stream for one row.
	 * @param seed the dataset seed
	 * @param kind the kind of row (one of the constants of this class)
	 * @param index the row's index within its kind
	 * @return a generator that yields the same values for the same arguments
	 */
	static SplittableRandom random(long seed, long kind, long index) {
		long state = mix64(seed + kind * GOLDEN_GAMMA);
		state = mix64(state ^ (index * GOLDEN_GAMMA + kind));
		return new SplittableRandom(state);
	}

	// David Stafford's variant 13 of the MurmurHash3 finaliser, as used by
	// SplittableRandom
	private static long mix64(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}

package com.rapport.survey.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A value computed at most once per time-to-live, for reports that are costly to read and
 * may be a little old (a staff page read by several staff members, reloaded). Two readers
 * that find it stale may both compute it; the later one is kept. A clock set back (a
 * test, a corrected host clock) makes the value stale rather than kept for longer.
 *
 * @param <V> the value kept
 */
public final class Memo<V> {

	private final Clock clock;

	private final Duration ttl;

	private volatile Kept<V> kept;

	/**
	 * A memo that keeps its value for a while.
	 * @param clock the clock that dates the value
	 * @param ttl how long the value is kept
	 */
	public Memo(Clock clock, Duration ttl) {
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * The value kept, or a new one when it is older than the time-to-live.
	 * @param compute computes the value as of the instant given
	 * @return the value
	 */
	public V get(Function<Instant, V> compute) {
		Instant now = this.clock.instant();
		Kept<V> current = this.kept;
		if (current != null && !now.isBefore(current.at()) && now.isBefore(current.at().plus(this.ttl))) {
			return current.value();
		}
		V value = compute.apply(now);
		this.kept = new Kept<>(value, now);
		return value;
	}

	private record Kept<V>(V value, Instant at) {
	}

}

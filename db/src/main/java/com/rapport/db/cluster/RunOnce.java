package com.rapport.db.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code void} scheduled method whose work is shared by all nodes: a call runs
 * only on the node that claims the {@link ClusterLock} of that name, the others skip it.
 * Put it on the method the scheduler calls, not on one that tests or services call
 * directly, since a skipped call does nothing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RunOnce {

	/**
	 * The lock's name, unique per job.
	 * @return the name, at most 64 characters
	 */
	String value();

	/**
	 * How often the whole cluster should run the job (a duration such as {@code 30s}, or
	 * a {@code ${property:default}}). The lock stays taken for nine tenths of it after
	 * the run started, so the other nodes, firing on their own timers, skip that period.
	 * {@code 0s} (the default) only keeps two runs from overlapping: right for draining a
	 * queue, where a second run soon after finds nothing to do twice.
	 * @return the period
	 */
	String every() default "0s";

	/**
	 * How long a node may hold the lock at most: when a node dies in the middle of a run,
	 * another node takes the job over after this.
	 * @return the longest run
	 */
	String lockAtMostFor() default "15m";

}

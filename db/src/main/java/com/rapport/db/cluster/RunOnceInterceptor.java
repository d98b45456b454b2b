package com.rapport.db.cluster;

import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;

/**
 * Runs a {@link RunOnce} method only on the node that claims its lock.
 */
class RunOnceInterceptor implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RunOnceInterceptor.class);

	private final ClusterLock lock;

	private final Environment environment;

	RunOnceInterceptor(ClusterLock lock, Environment environment) {
		this.lock = lock;
		this.environment = environment;
	}

	/**
	 * What a skipped run returns: null, or the zero of a primitive result (a job that
	 * counts what it did did nothing).
	 */
	private static Object skipped(MethodInvocation invocation) {
		Class<?> type = invocation.getMethod().getReturnType();
		return (type.isPrimitive() && type != void.class)
				? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		RunOnce runOnce = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), RunOnce.class);
		if (runOnce == null) {
			return invocation.proceed();
		}
		Duration every = duration(runOnce.every());
		Duration atLeast = every.multipliedBy(9).dividedBy(10);
		Duration atMost = duration(runOnce.lockAtMostFor());
		if (atMost.compareTo(every) < 0) {
			atMost = every;
		}
		try {
			if (!this.lock.tryClaim(runOnce.value(), atMost)) {
				return skipped(invocation);
			}
		}
		catch (DataAccessException ex) {
			// the database is away (restart, shutdown): the job runs at its next turn
			log.warn("Job {} skipped, its lock is unreachable: {}", runOnce.value(), ex.getClass().getSimpleName());
			return skipped(invocation);
		}
		try {
			return invocation.proceed();
		}
		finally {
			this.lock.release(runOnce.value(), atLeast);
		}
	}

	private Duration duration(String text) {
		return DurationStyle.detectAndParse(this.environment.resolveRequiredPlaceholders(text));
	}

}

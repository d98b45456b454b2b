package com.rapport.db.cluster;

import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Runs a {@link RunOnce} method only on the node that claims its lock.
 */
class RunOnceInterceptor implements MethodInterceptor {

	private final ClusterLock lock;

	private final Environment environment;

	RunOnceInterceptor(ClusterLock lock, Environment environment) {
		this.lock = lock;
		this.environment = environment;
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
		if (!this.lock.tryClaim(runOnce.value(), atMost)) {
			return null;
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

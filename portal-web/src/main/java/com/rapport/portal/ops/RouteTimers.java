package com.rapport.portal.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;

/**
 * The {@code http.server.requests} timer of each route, recorded by the
 * {@link RequestLogFilter} that already times every request: one map lookup and one
 * {@link Timer#record} per request, where Spring's observation filter built an
 * observation, its context, its key values and a meter id each time. The tags are those
 * of Spring's observation convention ({@code method}, {@code uri}, {@code status},
 * {@code outcome}, {@code exception}), so dashboards and the README's metric names stay
 * as they were; the service-level buckets come from
 * {@code management.metrics.distribution.slo.http.server.requests} as before. Every tag
 * takes a bounded set of values: the route pattern, never the path.
 */
final class RouteTimers {

	static final String NAME = "http.server.requests";

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private final MeterRegistry registry;

	private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

	RouteTimers(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String method, String route, int status, Throwable error, long nanos) {
		Key key = new Key(METHODS.contains(method) ? method : "UNKNOWN", uri(route, status), status,
				(error != null) ? error.getClass().getSimpleName() : "none");
		this.timers.computeIfAbsent(key, this::register).record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer register(Key key) {
		return Timer.builder(NAME)
			.description("Duration of HTTP server request handling")
			.tags(Tags.of("method", key.method(), "uri", key.uri(), "status", Integer.toString(key.status()),
					"exception", key.exception()))
			.tag("outcome", Outcome.forStatus(key.status()).name())
			.register(this.registry);
	}

	/**
	 * The route pattern, or for a request no route answered the names Spring's convention
	 * gives them.
	 */
	private static String uri(String route, int status) {
		if (route != null) {
			return route.isEmpty() ? "root" : route;
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		return (status == 404) ? "NOT_FOUND" : "UNKNOWN";
	}

	private record Key(String method, String uri, int status, String exception) {
	}

}

package com.rapport.portal.ops;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTimersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RouteTimers timers = new RouteTimers(this.registry);

	@Test
	void eachRequestIsTimedUnderItsRoutePatternWithTheTagsOfSpringsConvention() {
		this.timers.record("GET", "/t/{slug}/{id}", 200, null, TimeUnit.MILLISECONDS.toNanos(12));
		this.timers.record("GET", "/t/{slug}/{id}", 200, null, TimeUnit.MILLISECONDS.toNanos(30));
		Timer timer = this.registry.get(RouteTimers.NAME)
			.tags("method", "GET", "uri", "/t/{slug}/{id}", "status", "200", "outcome", "SUCCESS", "exception", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(42);
		assertThat(this.registry.getMeters()).hasSize(1);
	}

	@Test
	void requestsNoRouteAnsweredAndOddMethodsTakeAFewFixedNamesNotTheirPaths() {
		this.timers.record("GET", null, 404, null, 1);
		this.timers.record("GET", null, 302, null, 1);
		this.timers.record("GET", null, 401, null, 1);
		this.timers.record("BREW", "", 200, null, 1);
		this.timers.record("POST", "/s/{key}", 500, new IllegalStateException("boom"), 1);
		assertThat(
				this.registry.get(RouteTimers.NAME).tags("uri", "NOT_FOUND", "outcome", "CLIENT_ERROR").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get(RouteTimers.NAME)
			.tags("uri", "REDIRECTION", "outcome", "REDIRECTION")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(RouteTimers.NAME).tags("uri", "UNKNOWN", "status", "401").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get(RouteTimers.NAME).tags("uri", "root", "method", "UNKNOWN").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get(RouteTimers.NAME)
			.tags("uri", "/s/{key}", "exception", "IllegalStateException", "outcome", "SERVER_ERROR")
			.timer()
			.count()).isEqualTo(1);
	}

}

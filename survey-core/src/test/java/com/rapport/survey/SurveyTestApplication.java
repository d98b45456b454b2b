package com.rapport.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The survey core on its own, on a real embedded MariaDB, for integration tests.
 */
@SpringBootApplication
public class SurveyTestApplication {

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
	}

	/**
	 * A clock tests can move forward, to see waits pass.
	 */
	public static final class MutableClock extends Clock {

		private volatile Instant now;

		public MutableClock(Instant start) {
			this.now = start;
		}

		public void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

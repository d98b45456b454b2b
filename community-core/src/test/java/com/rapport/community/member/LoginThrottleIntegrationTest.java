package com.rapport.community.member;

import java.time.Duration;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	LoginThrottle throttle;

	@Autowired
	MutableClock clock;

	@Test
	void locksALoginAfterFiveFailuresUntilTheWindowHasPassed() {
		String login = unique("guess");
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure(login);
		}
		assertThat(this.throttle.lockedUntil(login)).isEmpty();

		this.throttle.recordFailure(login.toUpperCase());
		assertThat(this.throttle.lockedUntil(login)).as("counted regardless of case").isPresent();

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.throttle.lockedUntil(login)).isEmpty();
	}

	@Test
	void aSuccessfulLoginClearsTheCount() {
		String login = unique("oops");
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure(login);
		}
		this.throttle.recordSuccess(login);
		this.throttle.recordFailure(login);
		assertThat(this.throttle.lockedUntil(login)).isEmpty();
	}

}

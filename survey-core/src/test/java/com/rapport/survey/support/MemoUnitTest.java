package com.rapport.survey.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.survey.SurveyTestApplication.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoUnitTest {

	private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final Memo<String> memo = new Memo<>(this.clock, Duration.ofMinutes(1));

	private final List<Instant> computedAt = new ArrayList<>();

	@Test
	void keepsTheValueForItsTimeToLiveAndComputesItAgainAfter() {
		assertThat(get()).isEqualTo("as of " + START);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(get()).as("kept").isEqualTo("as of " + START);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(get()).as("a minute old: computed again").isEqualTo("as of " + START.plusSeconds(60));
		assertThat(this.computedAt).containsExactly(START, START.plusSeconds(60));
	}

	@Test
	void aClockSetBackComputesTheValueAgain() {
		get();
		this.clock.advance(Duration.ofSeconds(-1));
		assertThat(get()).isEqualTo("as of " + START.minusSeconds(1));
		assertThat(this.computedAt).containsExactly(START, START.minusSeconds(1));
	}

	private String get() {
		return this.memo.get((now) -> {
			this.computedAt.add(now);
			return "as of " + now;
		});
	}

}

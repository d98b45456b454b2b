package com.rapport.portal.ops;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogFilterTest {

	@Test
	void aPlainIncomingIdIsKeptAnythingElseIsReplacedByANewOne() {
		assertThat(RequestLogFilter.requestId("lb-7f3a.01:x_y")).isEqualTo("lb-7f3a.01:x_y");
		assertThat(RequestLogFilter.requestId("forged\nline")).isNotEqualTo("forged\nline").hasSize(36);
		assertThat(RequestLogFilter.requestId("x".repeat(65))).hasSize(36);
		assertThat(RequestLogFilter.requestId(null)).hasSize(36);
	}

	@Test
	void newIdsAreRandomVersion4UuidsThatDoNotRepeat() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestLogFilter.newId();
			UUID parsed = UUID.fromString(id);
			assertThat(parsed.version()).isEqualTo(4);
			assertThat(parsed.variant()).isEqualTo(2);
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

}

package com.rapport.portal.ops;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.mock.web.MockHttpServletRequest;

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

	@Test
	void theRequestLineCarriesItsValuesAsKeyValuePairsForJsonLines() {
		Logger logger = (Logger) LoggerFactory.getLogger(RequestLogBuffer.LOGGER);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		try {
			RequestLogFilter.log(new MockHttpServletRequest("GET", "/t/a/1"), "/t/{slug}/{id}", "r-1", 200, 12);
		}
		finally {
			logger.detachAppender(events);
		}
		assertThat(events.list).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage()).isEqualTo("GET /t/{slug}/{id} 200 12ms member=- request=r-1");
			assertThat(line.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
				.containsExactly("route=/t/{slug}/{id}", "status=200", "durationMs=12", "memberId=-");
			assertThat(line.getMDCPropertyMap()).doesNotContainKeys("route", "status", "durationMs", "memberId");
		});
	}

}

package com.rapport.portal.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogBufferTest {

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final PrintStream systemOut = System.out;

	private final LoggerContext context = new LoggerContext();

	// an hour: the test flushes itself
	private final RequestLogBuffer buffer = new RequestLogBuffer(Duration.ofHours(1));

	@BeforeEach
	void consoleAppenderOnTheRoot() {
		System.setOut(new PrintStream(this.console, true, StandardCharsets.UTF_8));
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%level %logger %msg%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(this.context);
		appender.setName("CONSOLE");
		appender.setEncoder(encoder);
		appender.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

	@AfterEach
	void restoreTheConsole() {
		this.buffer.stop();
		System.setOut(this.systemOut);
	}

	@Test
	void requestLinesWaitForTheFlushOtherLinesGoOutAtOnce() {
		this.buffer.attach(this.context);
		this.context.getLogger(RequestLogBuffer.LOGGER).info("GET /t/{slug}/{id} 200 3ms");
		this.context.getLogger("com.rapport.Other").warn("the database is away");
		assertThat(console()).isEqualTo("WARN com.rapport.Other the database is away\n");
		this.buffer.flush();
		assertThat(console()).isEqualTo(
				"WARN com.rapport.Other the database is away\n" + "INFO rapport.request GET /t/{slug}/{id} 200 3ms\n");
	}

	@Test
	void aFullBatchIsWrittenWholeLineByLine() {
		this.buffer.attach(this.context);
		Logger requests = this.context.getLogger(RequestLogBuffer.LOGGER);
		String line = "INFO rapport.request " + "x".repeat(979) + "\n";
		for (int i = 0; i < 40; i++) {
			requests.info("x".repeat(979));
		}
		// 32 lines of 1,000 bytes fill 32,000 of the 32,768 bytes: the 33rd sends them
		assertThat(console()).isEqualTo(line.repeat(32));
		this.buffer.flush();
		assertThat(console()).isEqualTo(line.repeat(40));
	}

	@Test
	void stoppingWritesWhatIsWaitingAndGivesTheLinesBackToTheRoot() {
		this.buffer.attach(this.context);
		Logger requests = this.context.getLogger(RequestLogBuffer.LOGGER);
		requests.info("before the stop");
		this.buffer.stop();
		assertThat(console()).isEqualTo("INFO rapport.request before the stop\n");
		requests.info("after the stop");
		assertThat(console()).endsWith("INFO rapport.request after the stop\n");
		assertThat(requests.isAdditive()).isTrue();
		assertThat(requests.iteratorForAppenders().hasNext()).isFalse();
	}

	@Test
	void withoutAConsoleAppenderNothingChanges() {
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).detachAndStopAllAppenders();
		this.buffer.attach(this.context);
		assertThat(this.context.getLogger(RequestLogBuffer.LOGGER).isAdditive()).isTrue();
	}

	private String console() {
		return this.console.toString(StandardCharsets.UTF_8);
	}

}

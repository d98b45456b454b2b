package com.rapport.portal.ops;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the request lines to the console in batches, as a web server's access log does
 * (nginx's {@code access_log … buffer= flush=}): every
 * {@code rapport.request-log.flush-interval} (1 s), or sooner when 32 KB are waiting, in
 * one write instead of one per request. That write was more than half of what the request
 * line cost, and the request line most of what logging and metrics cost a page served
 * from the anonymous page cache (docs/performance.md). Only the request lines wait: every
 * other line, warnings and errors among them, still goes out at once, and a stop writes
 * what is waiting. A crash of the JVM can lose at most the last interval's request lines.
 * <p>
 * The lines keep the console's format (pattern or JSON lines): the batch is written by a
 * copy of the console appender with the same encoder; any other appender (a log file)
 * still gets each request line at once. A flush interval of 0 leaves the logger
 * {@code rapport.request} as Logback configured it.
 */
@Component
class RequestLogBuffer implements SmartLifecycle {

	static final String LOGGER = "rapport.request";

	private static final int BATCH_BYTES = 32 * 1024;

	private final Duration interval;

	private final List<OutputStreamAppender<ILoggingEvent>> batched = new ArrayList<>();

	private final List<Appender<ILoggingEvent>> attached = new ArrayList<>();

	private Logger requests;

	private ScheduledExecutorService flusher;

	private volatile boolean running;

	RequestLogBuffer(@Value("${rapport.request-log.flush-interval:1s}") Duration interval) {
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (!this.interval.isZero() && !this.interval.isNegative()
				&& LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			attach(context);
		}
		this.running = true;
	}

	/**
	 * Gives the request logger batched copies of the root's console appenders and the
	 * root's other appenders as they are, and stops it passing its lines to the root.
	 * @param context the logging context
	 */
	synchronized void attach(LoggerContext context) {
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		List<Appender<ILoggingEvent>> rootAppenders = new ArrayList<>();
		root.iteratorForAppenders().forEachRemaining(rootAppenders::add);
		if (rootAppenders.stream().noneMatch(RequestLogBuffer::isConsole)) {
			return;
		}
		this.requests = context.getLogger(LOGGER);
		for (Appender<ILoggingEvent> appender : rootAppenders) {
			Appender<ILoggingEvent> target = appender;
			if (isConsole(appender)) {
				target = batchedCopy((ConsoleAppender<ILoggingEvent>) appender, context);
				this.batched.add((OutputStreamAppender<ILoggingEvent>) target);
			}
			this.requests.addAppender(target);
			this.attached.add(target);
		}
		this.requests.setAdditive(false);
		this.flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "request-log-flush");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.flusher.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
	}

	private static boolean isConsole(Appender<ILoggingEvent> appender) {
		return appender instanceof ConsoleAppender<ILoggingEvent> console && console.getEncoder() != null;
	}

	private static OutputStreamAppender<ILoggingEvent> batchedCopy(ConsoleAppender<ILoggingEvent> console,
			LoggerContext context) {
		boolean toErr = "System.err".equals(console.getTarget());
		OutputStreamAppender<ILoggingEvent> copy = new OutputStreamAppender<>();
		copy.setContext(context);
		copy.setName(console.getName() + "-request-batches");
		copy.setEncoder(console.getEncoder());
		copy.setImmediateFlush(false);
		// the console stream of the moment, as Logback's console appender writes to it
		copy.setOutputStream(new Batch(() -> toErr ? System.err : System.out, BATCH_BYTES));
		copy.start();
		return copy;
	}

	/** Writes the waiting request lines. */
	void flush() {
		for (OutputStreamAppender<ILoggingEvent> appender : this.batched) {
			if (appender.getOutputStream() instanceof Batch batch) {
				batch.drain();
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.flusher != null) {
			this.flusher.shutdownNow();
			this.flusher = null;
		}
		if (this.requests != null) {
			// lines logged from now on go to the root's appenders again
			this.requests.setAdditive(true);
			for (Iterator<Appender<ILoggingEvent>> it = this.attached.iterator(); it.hasNext();) {
				this.requests.detachAppender(it.next());
				it.remove();
			}
			this.requests = null;
		}
		// stopping a copy writes what is waiting
		this.batched.forEach(OutputStreamAppender::stop);
		this.batched.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server has finished its requests (a lower phase stops later),
	 * so their lines are written too.
	 */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 100;
	}

	/**
	 * Whole encoded lines, kept until {@link #drain()} or until the next would not fit,
	 * then written to the target in one call; a line larger than the batch goes out on
	 * its own.
	 */
	static final class Batch extends OutputStream {

		private final Supplier<PrintStream> target;

		private final byte[] bytes;

		private int count;

		Batch(Supplier<PrintStream> target, int size) {
			this.target = target;
			this.bytes = new byte[size];
		}

		@Override
		public synchronized void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] line, int offset, int length) {
			if (length > this.bytes.length - this.count) {
				drain();
			}
			if (length >= this.bytes.length) {
				PrintStream out = this.target.get();
				out.write(line, offset, length);
				out.flush();
				return;
			}
			System.arraycopy(line, offset, this.bytes, this.count, length);
			this.count += length;
		}

		synchronized void drain() {
			if (this.count > 0) {
				PrintStream out = this.target.get();
				out.write(this.bytes, 0, this.count);
				out.flush();
				this.count = 0;
			}
		}

		@Override
		public void flush() {
			// written on the flusher's schedule, not per line
		}

		@Override
		public void close() {
			drain();
		}

	}

}

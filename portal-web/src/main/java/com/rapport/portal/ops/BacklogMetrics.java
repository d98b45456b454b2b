package com.rapport.portal.ops;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of work waiting in the database: the review queue and the durable outboxes
 * (mail, survey webhooks). They are counted on a timer, not when Prometheus scrapes, so a
 * scrape never waits for the database (nor hangs while it is away); every node reports
 * the same figures, as they are the database's.
 */
@Component
class BacklogMetrics {

	private static final Logger log = LoggerFactory.getLogger(BacklogMetrics.class);

	// the attempts after which MailDispatcher and WebhookDispatcher give up
	private static final int MAIL_MAX_ATTEMPTS = 8;

	private static final int WEBHOOK_MAX_ATTEMPTS = 12;

	private final JdbcClient jdbc;

	private final AtomicLong reviewQueue = new AtomicLong();

	private final AtomicLong mailBacklog = new AtomicLong();

	private final AtomicLong mailAbandoned = new AtomicLong();

	private final AtomicLong webhookBacklog = new AtomicLong();

	private final AtomicLong webhookAbandoned = new AtomicLong();

	BacklogMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		Gauge.builder("rapport.review.queue.size", this.reviewQueue, AtomicLong::get)
			.description("Review items waiting for a moderator")
			.register(registry);
		gauge(registry, "rapport.outbox.backlog", "mail", this.mailBacklog, "Items waiting to be sent");
		gauge(registry, "rapport.outbox.backlog", "webhook", this.webhookBacklog, "Items waiting to be sent");
		gauge(registry, "rapport.outbox.abandoned", "mail", this.mailAbandoned,
				"Items given up after the last attempt failed");
		gauge(registry, "rapport.outbox.abandoned", "webhook", this.webhookAbandoned,
				"Items given up after the last attempt failed");
	}

	private static void gauge(MeterRegistry registry, String name, String outbox, AtomicLong value,
			String description) {
		Gauge.builder(name, value, AtomicLong::get).tag("outbox", outbox).description(description).register(registry);
	}

	@Scheduled(fixedDelayString = "${rapport.metrics.backlog-interval:15s}", initialDelay = 0)
	void refresh() {
		try {
			this.reviewQueue.set(count("SELECT COUNT(*) FROM review_item WHERE status = 'PENDING'"));
			this.mailBacklog.set(count(
					"SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts < " + MAIL_MAX_ATTEMPTS));
			this.mailAbandoned.set(count(
					"SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts >= " + MAIL_MAX_ATTEMPTS));
			this.webhookBacklog.set(count("SELECT COUNT(*) FROM survey_webhook_delivery "
					+ "WHERE delivered_at IS NULL AND attempts < " + WEBHOOK_MAX_ATTEMPTS));
			this.webhookAbandoned.set(count("SELECT COUNT(*) FROM survey_webhook_delivery "
					+ "WHERE delivered_at IS NULL AND attempts >= " + WEBHOOK_MAX_ATTEMPTS));
		}
		catch (DataAccessException ex) {
			// the database is away: the gauges keep their last values, readiness says
			// DOWN
			log.warn("Backlog metrics not refreshed: {}", ex.getClass().getSimpleName());
		}
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}

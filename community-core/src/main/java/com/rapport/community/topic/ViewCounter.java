package com.rapport.community.topic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts topic views in memory and adds them to the database every few seconds in one
 * batch, so reading a topic never waits for a write. Each node flushes its own counts; at
 * most a few seconds of views are lost if a node crashes.
 */
@Component
public class ViewCounter {

	private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

	private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	ViewCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts one view.
	 * @param topicId the topic viewed
	 */
	public void countView(long topicId) {
		this.pending.computeIfAbsent(topicId, (id) -> new LongAdder()).increment();
	}

	/**
	 * Adds the counted views to the topics.
	 */
	@Scheduled(fixedDelayString = "${rapport.views.flush-interval:5s}")
	public void flush() {
		for (Long topicId : this.pending.keySet()) {
			LongAdder adder = this.pending.remove(topicId);
			long views = (adder != null) ? adder.sum() : 0;
			if (views == 0) {
				continue;
			}
			try {
				this.jdbc.sql("UPDATE topic SET view_count = view_count + ? WHERE id = ?")
					.params(views, topicId)
					.update();
			}
			catch (DataAccessException ex) {
				// keep them for the next flush
				this.pending.computeIfAbsent(topicId, (id) -> new LongAdder()).add(views);
				log.warn("Topic views not saved yet: {}", ex.getClass().getSimpleName());
				return;
			}
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

}

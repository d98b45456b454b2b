package com.rapport.community.topic;

import java.util.Comparator;

import com.rapport.survey.support.WriteBehind;
import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts topic views in memory and adds them to the database every few seconds, so
 * reading a topic never waits for a write. Each node flushes its own counts; at most a
 * few seconds of views are lost if a node crashes.
 */
@Component
public class ViewCounter {

	// in topic order, so two nodes flushing at once lock the topic rows in the same order
	private final WriteBehind<Long, Long> pending = new WriteBehind<>("Topic views", Long::sum,
			Comparator.naturalOrder());

	private final JdbcClient jdbc;

	ViewCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts one view.
	 * @param topicId the topic viewed
	 */
	public void countView(long topicId) {
		this.pending.add(topicId, 1L);
	}

	/**
	 * Adds the counted views to the topics.
	 */
	@Scheduled(fixedDelayString = "${rapport.views.flush-interval:5s}")
	public void flush() {
		this.pending.flushEach((views) -> this.jdbc.sql("UPDATE topic SET view_count = view_count + ? WHERE id = ?")
			.params(views.value(), views.key())
			.update());
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

}

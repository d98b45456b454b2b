package com.rapport.community.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rapport.community.tag.TopicTagsChanged;
import com.rapport.community.topic.PostEvents.AnswerAccepted;
import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.community.topic.PostEvents.PostRestored;
import com.rapport.db.cluster.ClusterNode;
import com.rapport.db.cluster.RunOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index of every node in step with changes made through the other nodes.
 * Each change that {@link SearchIndexer} follows is also written to the
 * {@code search_change} table, in the transaction of the change; every node polls the
 * table and applies the rows other nodes wrote (its own it has applied already, after
 * commit). The last row applied is kept with the index's commits, so a restarted node
 * catches up from there; a node whose index is older than the log's oldest row rebuilds.
 * <p>
 * Ids are given at insert but become visible at commit, so a row may appear after a
 * higher id was read: an id skipped is remembered for a minute and asked for again.
 */
@Component
class SearchChanges {

	private static final Logger log = LoggerFactory.getLogger(SearchChanges.class);

	static final int BATCH = 500;

	private static final long GAP_WAIT_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final int MAX_GAPS = 10_000;

	private final JdbcClient jdbc;

	private final SearchIndex index;

	private final SearchIndexer indexer;

	private final String node;

	private final Object pollMonitor = new Object();

	/** Ids skipped over while their transaction may still be running, with a deadline. */
	private final Map<Long, Long> gaps = new HashMap<>();

	private long cursor = -1;

	private final ApplicationEventPublisher events;

	SearchChanges(JdbcClient jdbc, SearchIndex index, SearchIndexer indexer, ClusterNode node,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.index = index;
		this.indexer = indexer;
		this.node = node.name();
		this.events = events;
	}

	@EventListener
	void on(PostPublished event) {
		record("POST", event.postId(), event.topicId());
	}

	@EventListener
	void on(PostEdited event) {
		record("POST", event.postId(), event.topicId());
	}

	@EventListener
	void on(PostRemoved event) {
		record("POST", event.postId(), event.topicId());
	}

	@EventListener
	void on(PostRestored event) {
		record("POST", event.postId(), event.topicId());
	}

	@EventListener
	void on(AnswerAccepted event) {
		record("TOPIC", null, event.topicId());
	}

	@EventListener
	void on(TopicTagsChanged event) {
		record("TOPIC", null, event.topicId());
	}

	private void record(String kind, Long postId, long topicId) {
		this.jdbc
			.sql("INSERT INTO search_change (kind, post_id, topic_id, origin, created_at) VALUES (?, ?, ?, ?, NOW(3))")
			.params(kind, postId, topicId, this.node)
			.update();
	}

	/**
	 * Decides where to start reading the log: where the index left off, or at the log's
	 * end for a new index or one being rebuilt (the rebuild reads the posts themselves).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void start() {
		synchronized (this.pollMonitor) {
			long newest = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM search_change").query(Long.class).single();
			long applied = this.index.appliedChange();
			if (applied < 0 || this.index.needsRebuild()) {
				this.cursor = newest;
			}
			else {
				long oldest = this.jdbc.sql("SELECT COALESCE(MIN(id), 0) FROM search_change")
					.query(Long.class)
					.single();
				this.cursor = applied;
				if (newest > applied && oldest > applied + 1) {
					log.info("Search index followed the change log up to {}, but the log now starts at {}: "
							+ "rebuilding it", applied, oldest);
					this.cursor = newest;
					this.indexer.rebuildInBackground();
				}
			}
			this.index.appliedChange(this.cursor);
		}
	}

	/**
	 * Applies the changes other nodes made since the last poll.
	 * @return how many rows were applied
	 */
	@Scheduled(fixedDelayString = "${rapport.search.follow-interval:1s}",
			initialDelayString = "${rapport.search.follow-interval:1s}")
	int poll() {
		synchronized (this.pollMonitor) {
			if (this.cursor < 0) {
				return 0;
			}
			try {
				int applied = applyNew() + applyGaps();
				if (applied > 0) {
					this.events.publishEvent(new ForumChangedElsewhere(applied));
				}
				return applied;
			}
			catch (DataAccessException ex) {
				log.warn("Search change log unreachable, will retry: {}", ex.getClass().getSimpleName());
				return 0;
			}
		}
	}

	private int applyNew() {
		int applied = 0;
		while (true) {
			List<Change> changes = this.jdbc
				.sql("SELECT id, kind, post_id, topic_id, origin FROM search_change WHERE id > ? ORDER BY id LIMIT ?")
				.params(this.cursor, BATCH)
				.query(SearchChanges::change)
				.list();
			for (Change change : changes) {
				long now = System.nanoTime();
				for (long missing = this.cursor + 1; missing < change.id() && this.gaps.size() < MAX_GAPS; missing++) {
					this.gaps.put(missing, now + GAP_WAIT_NANOS);
				}
				applied += apply(change);
				this.cursor = change.id();
			}
			this.index.appliedChange(this.cursor);
			if (changes.size() < BATCH) {
				return applied;
			}
		}
	}

	private int applyGaps() {
		if (this.gaps.isEmpty()) {
			return 0;
		}
		long now = System.nanoTime();
		this.gaps.values().removeIf((deadline) -> deadline - now < 0);
		if (this.gaps.isEmpty()) {
			return 0;
		}
		List<Long> ids = new ArrayList<>(this.gaps.keySet());
		int applied = 0;
		for (int from = 0; from < ids.size(); from += BATCH) {
			List<Change> found = this.jdbc
				.sql("SELECT id, kind, post_id, topic_id, origin FROM search_change WHERE id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
				.query(SearchChanges::change)
				.list();
			for (Change change : found) {
				this.gaps.remove(change.id());
				applied += apply(change);
			}
		}
		return applied;
	}

	private int apply(Change change) {
		if (this.node.equals(change.origin())) {
			return 0;
		}
		if (change.postId() == null) {
			this.indexer.followTopic(change.topicId());
		}
		else {
			this.indexer.follow(change.postId(), change.topicId());
		}
		return 1;
	}

	/**
	 * The last row of the log this node has read.
	 * @return its id, -1 before the start
	 */
	long appliedChange() {
		synchronized (this.pollMonitor) {
			return this.cursor;
		}
	}

	/** Rows older than a day are no longer needed by any running node. */
	@Scheduled(fixedDelayString = "${rapport.search.change-purge-interval:1h}", initialDelayString = "10m")
	@RunOnce(value = "search-change-purge", every = "${rapport.search.change-purge-interval:1h}")
	public void purge() {
		this.jdbc.sql("DELETE FROM search_change WHERE created_at < NOW(3) - INTERVAL 1 DAY LIMIT 10000").update();
	}

	private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long postId = rs.getLong(3);
		Long post = rs.wasNull() ? null : postId;
		return new Change(rs.getLong(1), rs.getString(2), post, rs.getLong(4), rs.getString(5));
	}

	private record Change(long id, String kind, Long postId, long topicId, String origin) {
	}

}

package com.rapport.community.search;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.rapport.community.topic.PostEvents.AnswerAccepted;
import com.rapport.community.topic.PostEvents.PostAuthorAnonymised;
import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.community.topic.PostEvents.PostRestored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.community.tag.TopicTagsChanged;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the posts. After each change commits, the post (or,
 * for a topic's first post, the whole topic) is read again from the database and replaced
 * in the index, so the index holds what readers see whatever the change was. Reading and
 * writing happen under one lock shared with the rebuild, so whichever runs last has read
 * the latest state.
 */
@Component
class SearchIndexer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	static final int BATCH_SIZE = 500;

	private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final SearchIndex index;

	private final SearchablePosts posts;

	private final ReentrantLock lock = new ReentrantLock();

	private final Object rebuildMonitor = new Object();

	private volatile boolean stopping;

	private volatile Thread background;

	SearchIndexer(SearchIndex index, SearchablePosts posts) {
		this.index = index;
		this.posts = posts;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PostPublished event) {
		follow(event.postId(), event.topicId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PostEdited event) {
		follow(event.postId(), event.topicId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PostRemoved event) {
		follow(event.postId(), event.topicId());
	}

	/** The old username must not find the posts of a deleted account. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(PostAuthorAnonymised event) {
		follow(event.postId(), event.topicId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PostRestored event) {
		follow(event.postId(), event.topicId());
	}

	/** Every post of the topic carries the solved flag the "solved only" filter uses. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AnswerAccepted event) {
		followTopic(event.topicId());
	}

	/** Every post of the topic carries the topic's tags, which the tag filter uses. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(TopicTagsChanged event) {
		followTopic(event.topicId());
	}

	/**
	 * Starts a rebuild in the background when the index is new, of an older schema or an
	 * interrupted rebuild; searches meanwhile find what is indexed so far.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildWhenNeeded() {
		if (this.index.needsRebuild()) {
			rebuildInBackground();
		}
	}

	/**
	 * Starts a rebuild in a thread of its own; searches meanwhile find what is indexed.
	 */
	void rebuildInBackground() {
		Thread thread = new Thread(() -> {
			try {
				rebuild();
			}
			catch (RuntimeException ex) {
				log.error("Search index rebuild failed; run it again with --rapport.search.rebuild=true", ex);
			}
		}, "search-rebuild");
		thread.setDaemon(true);
		this.background = thread;
		thread.start();
	}

	/**
	 * Indexes every visible post again, in batches by post id, then drops whatever the
	 * walk did not find. Searches keep working meanwhile, and changes made during the
	 * rebuild are kept. A second call waits for a running rebuild, then rebuilds again.
	 */
	void rebuild() {
		synchronized (this.rebuildMonitor) {
			long started = System.nanoTime();
			long lastReport = started;
			long maxId = this.posts.maxId();
			log.info("Search index rebuild started: posts up to id {}", maxId);
			long rebuild = locked(this.index::beginRebuild);
			long afterId = 0;
			long indexed = 0;
			while (!this.stopping) {
				long after = afterId;
				List<IndexedPost> batch = locked(() -> {
					List<IndexedPost> found = this.posts.visibleAfter(after, BATCH_SIZE);
					this.index.rebuildBatch(found);
					return found;
				});
				if (batch.isEmpty()) {
					break;
				}
				afterId = batch.get(batch.size() - 1).postId();
				indexed += batch.size();
				if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
					lastReport = System.nanoTime();
					log.info("Search index rebuild: {} posts indexed, at id {} of {} ({}%)", indexed, afterId, maxId,
							(maxId > 0) ? afterId * 100 / maxId : 100);
				}
			}
			if (this.stopping) {
				log.info("Search index rebuild stopped at post id {}; it resumes from the start at the next start",
						afterId);
				return;
			}
			locked(() -> {
				this.index.finishRebuild(rebuild);
				return null;
			});
			log.info("Search index rebuilt: {} posts in {} s", indexed,
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
		}
	}

	/** Makes the changes of the last seconds survive a restart. */
	@Scheduled(fixedDelayString = "${rapport.search.commit-interval:5s}")
	void flush() {
		try {
			this.index.flush();
		}
		catch (RuntimeException ex) {
			log.warn("Search index not committed: {}", ex.toString());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		Thread thread = this.background;
		if (thread != null) {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
	}

	/** Replaces every post of the topic with what the database holds now. */
	void followTopic(long topicId) {
		guarded("topic " + topicId, () -> this.index.replaceTopic(topicId, this.posts.visibleInTopic(topicId)));
	}

	/** Replaces or removes the post (its whole topic for a first post). */
	void follow(long postId, long topicId) {
		guarded("post " + postId, () -> {
			if (this.posts.isFirstPost(postId)) {
				// the title, shown and matched with every post, may have changed
				this.index.replaceTopic(topicId, this.posts.visibleInTopic(topicId));
			}
			else {
				this.posts.visible(postId)
					.ifPresentOrElse((post) -> this.index.upsert(List.of(post)), () -> this.index.deletePost(postId));
			}
		});
	}

	/**
	 * Runs a change of the index; a failure is logged, not thrown, since the change it
	 * follows is committed already and the reader should see it succeed.
	 */
	private void guarded(String what, Runnable change) {
		try {
			locked(() -> {
				change.run();
				return null;
			});
		}
		catch (RuntimeException ex) {
			log.error("Search index could not follow a change of {}; until a rebuild "
					+ "(--rapport.search.rebuild=true) searches may show it as it was", what, ex);
		}
	}

	private <T> T locked(java.util.function.Supplier<T> work) {
		this.lock.lock();
		try {
			return work.get();
		}
		finally {
			this.lock.unlock();
		}
	}

}

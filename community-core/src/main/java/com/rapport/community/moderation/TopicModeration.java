package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.TopicRef;

import com.rapport.db.cluster.RunOnce;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators' tools on topics: pin, close, move, merge, split, archive, delete, one at a
 * time or in bulk. Each action reads the topic's current state under a row lock, refuses
 * (changing nothing) when it is already in the state asked for, and writes an audit log
 * entry in the same transaction.
 */
@Service
public class TopicModeration {

	/** The most topics one bulk action takes. */
	public static final int BULK_MAX = 100;

	private final JdbcClient jdbc;

	private final CategoryService categories;

	private final PostEditor editor;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TopicModeration(JdbcClient jdbc, CategoryService categories, PostEditor editor, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.editor = editor;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the topic tools show: the topic's moderation state.
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @return the state, or empty when there is no such topic
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public Optional<TopicStatus> status(Viewer viewer, long topicId) {
		ModerationGuard.requireModerator(viewer);
		return this.jdbc
			.sql("SELECT category_id, pinned_at IS NOT NULL, pinned_globally, pinned_until, closed_at IS NOT NULL, "
					+ "archived_at IS NOT NULL FROM topic WHERE id = ? AND deleted_at IS NULL")
			.param(topicId)
			.query((rs, n) -> {
				Timestamp until = rs.getTimestamp(4);
				return new TopicStatus(topicId, rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3),
						(until != null) ? until.toInstant() : null, rs.getBoolean(5), rs.getBoolean(6));
			})
			.optional();
	}

	/**
	 * Pins a topic on top of its category's list, or of every list.
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @param globally on every list rather than its category's only
	 * @param until when the pin ends by itself, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void pin(Viewer viewer, long topicId, boolean globally, Instant until) {
		TopicState topic = lock(viewer, topicId);
		Instant now = this.clock.instant();
		if (until != null && !until.isAfter(now)) {
			throw new RejectedException("until", "mod.pin.until");
		}
		if (topic.pinned() && topic.pinnedGlobally() == globally) {
			throw new RejectedException("topic", "mod.topic.alreadyPinned");
		}
		this.jdbc.sql("UPDATE topic SET pinned_at = ?, pinned_globally = ?, pinned_until = ? WHERE id = ?")
			.params(Timestamp.from(now), globally, (until != null) ? Timestamp.from(until) : null, topicId)
			.update();
		this.audit.record(viewer, globally ? "topic.pin_globally" : "topic.pin", topic.target(), null, null,
				(until != null) ? "until " + until : null);
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void unpin(Viewer viewer, long topicId) {
		TopicState topic = lock(viewer, topicId);
		if (!topic.pinned()) {
			throw new RejectedException("topic", "mod.topic.notPinned");
		}
		this.jdbc.sql("UPDATE topic SET pinned_at = NULL, pinned_globally = FALSE, pinned_until = NULL WHERE id = ?")
			.param(topicId)
			.update();
		this.audit.record(viewer, "topic.unpin", topic.target(), null, null, null);
	}

	/**
	 * Ends the pins whose time is up. Every node may run it: it is one idempotent update.
	 */
	/** Unpins expired pins on one node of the cluster each interval. */
	@Scheduled(fixedDelayString = "${rapport.moderation.unpin-interval:60s}")
	@RunOnce(value = "topic-unpin", every = "${rapport.moderation.unpin-interval:60s}")
	public void scheduledUnpin() {
		unpinExpired();
	}

	@Transactional
	public void unpinExpired() {
		this.jdbc
			.sql("UPDATE topic SET pinned_at = NULL, pinned_globally = FALSE, pinned_until = NULL "
					+ "WHERE pinned_at IS NOT NULL AND pinned_until IS NOT NULL AND pinned_until <= ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void close(Viewer viewer, long topicId, String reason) {
		TopicState topic = lock(viewer, topicId);
		if (topic.closed()) {
			throw new RejectedException("topic", "mod.topic.alreadyClosed");
		}
		String why = ModerationGuard.checkedReason(reason, false);
		this.jdbc.sql("UPDATE topic SET closed_at = ?, closed_by = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), viewer.memberId(), topicId)
			.update();
		this.audit.record(viewer, "topic.close", topic.target(), why, null, null);
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void reopen(Viewer viewer, long topicId, String reason) {
		TopicState topic = lock(viewer, topicId);
		if (!topic.closed()) {
			throw new RejectedException("topic", "mod.topic.notClosed");
		}
		if (topic.archived()) {
			throw new RejectedException("topic", "mod.topic.archived");
		}
		String why = ModerationGuard.checkedReason(reason, false);
		this.jdbc.sql("UPDATE topic SET closed_at = NULL, closed_by = NULL WHERE id = ?").param(topicId).update();
		this.audit.record(viewer, "topic.reopen", topic.target(), why, null, null);
	}

	/**
	 * Archives a topic: kept for reading, closed for good (until unarchived).
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @param reason why, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void archive(Viewer viewer, long topicId, String reason) {
		TopicState topic = lock(viewer, topicId);
		if (topic.archived()) {
			throw new RejectedException("topic", "mod.topic.alreadyArchived");
		}
		String why = ModerationGuard.checkedReason(reason, false);
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("UPDATE topic SET archived_at = ?, closed_at = COALESCE(closed_at, ?), "
					+ "closed_by = COALESCE(closed_by, ?) WHERE id = ?")
			.params(now, now, viewer.memberId(), topicId)
			.update();
		this.audit.record(viewer, "topic.archive", topic.target(), why, null, null);
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void unarchive(Viewer viewer, long topicId) {
		TopicState topic = lock(viewer, topicId);
		if (!topic.archived()) {
			throw new RejectedException("topic", "mod.topic.notArchived");
		}
		this.jdbc.sql("UPDATE topic SET archived_at = NULL WHERE id = ?").param(topicId).update();
		this.audit.record(viewer, "topic.unarchive", topic.target(), null, null, null);
	}

	/**
	 * Moves a topic to another category.
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @param categoryId where to
	 * @param reason why, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void move(Viewer viewer, long topicId, long categoryId, String reason) {
		TopicState topic = lock(viewer, topicId);
		Category to = target(viewer, categoryId);
		if (topic.categoryId() == to.id()) {
			throw new RejectedException("categoryId", "mod.topic.alreadyThere");
		}
		String why = ModerationGuard.checkedReason(reason, false);
		String from = this.jdbc.sql("SELECT name FROM category WHERE id = ?")
			.param(topic.categoryId())
			.query(String.class)
			.single();
		int posts = postCount(topicId);
		this.jdbc.sql("UPDATE topic SET category_id = ?, version = version + 1 WHERE id = ?")
			.params(to.id(), topicId)
			.update();
		shiftCategoryCounts(topic.categoryId(), to.id(), 1, posts);
		this.audit.record(viewer, "topic.move", topic.target(), why, from, to.name());
		this.events.publishEvent(new PostEdited(firstPostId(topicId), topicId));
	}

	/**
	 * Merges a topic into another: its posts follow the other topic's posts, in their
	 * order, and the merged topic is deleted.
	 * @param viewer a moderator
	 * @param topicId the topic merged
	 * @param intoTopicId the topic that receives the posts
	 * @param reason why, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void merge(Viewer viewer, long topicId, long intoTopicId, String reason) {
		if (topicId == intoTopicId) {
			throw new RejectedException("intoTopicId", "mod.merge.same");
		}
		// lock in id order so two merges of the same pair cannot deadlock
		TopicState source;
		TopicState into;
		if (topicId < intoTopicId) {
			source = lock(viewer, topicId);
			into = lockOptional(intoTopicId)
				.orElseThrow(() -> new RejectedException("intoTopicId", "mod.merge.targetNotFound"));
		}
		else {
			into = lockOptional(intoTopicId)
				.orElseThrow(() -> new RejectedException("intoTopicId", "mod.merge.targetNotFound"));
			source = lock(viewer, topicId);
		}
		String why = ModerationGuard.checkedReason(reason, false);
		int next = maxPostNumber(intoTopicId);
		List<Long> postIds = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? ORDER BY post_number")
			.param(topicId)
			.query(Long.class)
			.list();
		movePosts(postIds, intoTopicId, next);
		this.jdbc.sql("UPDATE topic SET deleted_at = ?, reply_count = 0, solved_post_id = NULL WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), topicId)
			.update();
		recount(intoTopicId);
		shiftCategoryCounts(source.categoryId(), null, 1, 0);
		shiftCategoryCounts(source.categoryId(), into.categoryId(), 0, postIds.size());
		this.audit.record(viewer, "topic.merge", source.target(), why, null, "#" + intoTopicId + " " + into.title());
		this.events.publishEvent(new PostEdited(firstPostId(intoTopicId), intoTopicId));
	}

	/**
	 * Splits some replies off into a new topic, in their order; the new topic's author is
	 * the author of the first post moved.
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @param postNumbers the replies to move (not the first post)
	 * @param title the new topic's title
	 * @param categoryId the new topic's category
	 * @param reason why, or null
	 * @return the new topic
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public TopicRef split(Viewer viewer, long topicId, List<Integer> postNumbers, String title, long categoryId,
			String reason) {
		TopicState topic = lock(viewer, topicId);
		Category category = target(viewer, categoryId);
		if (postNumbers == null || postNumbers.isEmpty()) {
			throw new RejectedException("posts", "mod.split.noPosts");
		}
		if (postNumbers.contains(1)) {
			throw new RejectedException("posts", "mod.split.firstPost");
		}
		String checkedTitle = checkedTitle(title);
		String why = ModerationGuard.checkedReason(reason, false);
		List<Integer> numbers = new ArrayList<>(new LinkedHashSet<>(postNumbers));
		numbers.sort(Integer::compare);
		List<long[]> posts = this.jdbc
			.sql("SELECT id, author_id, created_at FROM post WHERE topic_id = :topic AND post_number IN (:numbers) "
					+ "ORDER BY post_number")
			.param("topic", topicId)
			.param("numbers", numbers)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).getTime() })
			.list();
		if (posts.size() != numbers.size()) {
			throw new RejectedException("posts", "mod.split.postsChanged");
		}
		Timestamp firstAt = new Timestamp(posts.get(0)[2]);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		String slug = com.rapport.community.topic.Slugs.slugify(checkedTitle);
		this.jdbc
			.sql("INSERT INTO topic (category_id, author_id, title, slug, created_at, last_posted_at, last_poster_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(category.id(), posts.get(0)[1], checkedTitle, slug, firstAt, firstAt, posts.get(0)[1])
			.update(keys);
		long newId = keys.getKeyAs(Number.class).longValue();
		movePosts(posts.stream().map((p) -> p[0]).toList(), newId, 0);
		this.jdbc.sql("UPDATE topic SET solved_post_id = NULL WHERE id = :topic AND solved_post_id IN (:ids)")
			.param("topic", topicId)
			.param("ids", posts.stream().map((p) -> p[0]).toList())
			.update();
		recount(topicId);
		recount(newId);
		shiftCategoryCounts(topic.categoryId(), category.id(), 0, posts.size());
		shiftCategoryCounts(null, category.id(), 1, 0);
		this.audit.record(viewer, "topic.split", topic.target(), why, null,
				"#" + newId + " " + checkedTitle + " ← posts " + numbers);
		this.events.publishEvent(new PostEdited(firstPostId(topicId), topicId));
		this.events.publishEvent(new PostEdited(firstPostId(newId), newId));
		return new TopicRef(newId, slug);
	}

	/**
	 * Deletes a topic softly (its first post and so the topic); moderators can restore it
	 * from the first post.
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @param reason why, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void delete(Viewer viewer, long topicId, String reason) {
		TopicState topic = lock(viewer, topicId);
		String why = ModerationGuard.checkedReason(reason, false);
		this.editor.delete(viewer, firstPostId(topicId));
		this.audit.record(viewer, "topic.delete", topic.target(), why, null, null);
	}

	/**
	 * Moves many topics at once. Topics already there, or gone, are left as they are.
	 * @param viewer a moderator
	 * @param topicIds the topics
	 * @param categoryId where to
	 * @return how many changed and how many were left as they were
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public BulkResult bulkMove(Viewer viewer, List<Long> topicIds, long categoryId) {
		return bulk(viewer, topicIds, (id) -> move(viewer, id, categoryId, null));
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public BulkResult bulkClose(Viewer viewer, List<Long> topicIds) {
		return bulk(viewer, topicIds, (id) -> close(viewer, id, null));
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public BulkResult bulkDelete(Viewer viewer, List<Long> topicIds) {
		return bulk(viewer, topicIds, (id) -> delete(viewer, id, null));
	}

	private BulkResult bulk(Viewer viewer, List<Long> topicIds, java.util.function.LongConsumer action) {
		ModerationGuard.requireModerator(viewer);
		if (topicIds == null || topicIds.isEmpty()) {
			throw new RejectedException("topics", "mod.bulk.none");
		}
		if (topicIds.size() > BULK_MAX) {
			throw new RejectedException("topics", "mod.bulk.tooMany");
		}
		int changed = 0;
		int unchanged = 0;
		for (long id : new LinkedHashSet<>(topicIds)) {
			try {
				action.accept(id);
				changed++;
			}
			catch (RejectedException ex) {
				unchanged++;
			}
		}
		return new BulkResult(changed, unchanged);
	}

	private void movePosts(List<Long> postIds, long toTopicId, int afterNumber) {
		if (postIds.isEmpty()) {
			return;
		}
		// first out of the way of the unique (topic, number) key, then numbered in order
		this.jdbc.sql("UPDATE post SET post_number = -post_number WHERE id IN (:ids)").param("ids", postIds).update();
		int number = afterNumber;
		for (long postId : postIds) {
			number++;
			this.jdbc.sql("UPDATE post SET topic_id = ?, post_number = ?, version = version + 1 WHERE id = ?")
				.params(toTopicId, number, postId)
				.update();
		}
	}

	/** Counters of a topic from its posts, after posts moved in or out. */
	private void recount(long topicId) {
		this.jdbc
			.sql("""
					UPDATE topic t SET
					  reply_count = GREATEST((SELECT COUNT(*) FROM post p WHERE p.topic_id = t.id AND p.deleted_at IS NULL) - 1, 0),
					  like_count = (SELECT COALESCE(SUM(p.like_count), 0) FROM post p WHERE p.topic_id = t.id),
					  last_posted_at = COALESCE((SELECT MAX(p.created_at) FROM post p WHERE p.topic_id = t.id
					                             AND p.deleted_at IS NULL), t.last_posted_at),
					  last_poster_id = COALESCE((SELECT p.author_id FROM post p WHERE p.topic_id = t.id AND p.deleted_at IS NULL
					                             ORDER BY p.post_number DESC LIMIT 1), t.last_poster_id),
					  version = version + 1
					WHERE t.id = ?
					""")
			.param(topicId)
			.update();
	}

	private void shiftCategoryCounts(Long from, Long to, int topics, int posts) {
		if (from != null) {
			this.jdbc
				.sql("UPDATE category SET topic_count = GREATEST(topic_count - ?, 0), "
						+ "post_count = GREATEST(post_count - ?, 0) WHERE id = ?")
				.params(topics, posts, from)
				.update();
		}
		if (to != null) {
			this.jdbc.sql("UPDATE category SET topic_count = topic_count + ?, post_count = post_count + ? WHERE id = ?")
				.params(topics, posts, to)
				.update();
		}
	}

	private int postCount(long topicId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM post WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
	}

	private int maxPostNumber(long topicId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(post_number), 0) FROM post WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
	}

	private long firstPostId(long topicId) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? ORDER BY post_number LIMIT 1")
			.param(topicId)
			.query(Long.class)
			.single();
	}

	private Category target(Viewer viewer, long categoryId) {
		return this.categories.findById(categoryId, viewer)
			.filter((c) -> !c.archived())
			.orElseThrow(() -> new RejectedException("categoryId", "mod.category.notFound"));
	}

	private static String checkedTitle(String title) {
		String text = (title != null) ? title.strip() : "";
		int length = text.codePointCount(0, text.length());
		if (length < com.rapport.community.topic.TopicService.TITLE_MIN
				|| length > com.rapport.community.topic.TopicService.TITLE_MAX) {
			throw new RejectedException("title", "topic.title.length");
		}
		return text;
	}

	private TopicState lock(Viewer viewer, long topicId) {
		ModerationGuard.requireModerator(viewer);
		return lockOptional(topicId).orElseThrow(() -> new RejectedException("topic", "mod.topic.notFound"));
	}

	private Optional<TopicState> lockOptional(long topicId) {
		return this.jdbc
			.sql("SELECT id, category_id, author_id, title, pinned_at IS NOT NULL, pinned_globally, "
					+ "closed_at IS NOT NULL, archived_at IS NOT NULL FROM topic "
					+ "WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
			.param(topicId)
			.query((rs, n) -> new TopicState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)))
			.optional();
	}

	private record TopicState(long id, long categoryId, long authorId, String title, boolean pinned,
			boolean pinnedGlobally, boolean closed, boolean archived) {

		AuditTarget target() {
			return AuditTarget.topic(this.id, this.title, this.authorId);
		}

	}

	/**
	 * A topic's moderation state.
	 *
	 * @param topicId the topic
	 * @param categoryId its category
	 * @param pinned whether it is pinned
	 * @param pinnedGlobally whether on every list
	 * @param pinnedUntil when the pin ends, or null
	 * @param closed whether replies are closed
	 * @param archived whether it is archived
	 */
	public record TopicStatus(long topicId, long categoryId, boolean pinned, boolean pinnedGlobally,
			Instant pinnedUntil, boolean closed, boolean archived) {
	}

	/**
	 * What a bulk action did.
	 *
	 * @param changed topics changed
	 * @param unchanged topics left as they were (already in that state, or gone)
	 */
	public record BulkResult(int changed, int unchanged) {
	}

}

package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.rapport.community.category.Category;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostEvents.PostEdited;

import com.rapport.db.cluster.RunOnce;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators' tools on a topic's state and place: pin, close, archive, move, delete, one
 * at a time or in bulk (merging and splitting are {@link TopicRestructuring}). Each
 * action reads the topic's current state under a row lock, refuses (changing nothing)
 * when it is already in the state asked for, and writes an audit log entry in the same
 * transaction.
 */
@Service
public class TopicModeration {

	/** The most topics one bulk action takes. */
	public static final int BULK_MAX = 100;

	private final JdbcClient jdbc;

	private final ModeratedTopics topics;

	private final PostEditor editor;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TopicModeration(JdbcClient jdbc, ModeratedTopics topics, PostEditor editor, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.topics = topics;
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
		TopicState topic = this.topics.lock(viewer, topicId);
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
		TopicState topic = this.topics.lock(viewer, topicId);
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
		TopicState topic = this.topics.lock(viewer, topicId);
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
		TopicState topic = this.topics.lock(viewer, topicId);
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
		TopicState topic = this.topics.lock(viewer, topicId);
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
		TopicState topic = this.topics.lock(viewer, topicId);
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
		TopicState topic = this.topics.lock(viewer, topicId);
		Category to = this.topics.target(viewer, categoryId);
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
		this.topics.shiftCategoryCounts(topic.categoryId(), to.id(), 1, posts);
		this.audit.record(viewer, "topic.move", topic.target(), why, from, to.name());
		this.events.publishEvent(new PostEdited(this.topics.firstPostId(topicId), topicId));
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
		TopicState topic = this.topics.lock(viewer, topicId);
		String why = ModerationGuard.checkedReason(reason, false);
		this.editor.delete(viewer, this.topics.firstPostId(topicId));
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

	private int postCount(long topicId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM post WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
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

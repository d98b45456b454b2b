package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.rapport.community.category.Category;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.Slugs;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators' tools that move posts between topics: merge a topic into another, split
 * replies off into a new topic. The topics are locked, the posts renumbered in order, the
 * topics' and categories' counters recomputed and the change audit-logged, all in one
 * transaction; the search index follows through {@link PostEdited}.
 */
@Service
public class TopicRestructuring {

	private final JdbcClient jdbc;

	private final ModeratedTopics topics;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TopicRestructuring(JdbcClient jdbc, ModeratedTopics topics, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.topics = topics;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
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
			source = this.topics.lock(viewer, topicId);
			into = this.topics.lockOptional(intoTopicId)
				.orElseThrow(() -> new RejectedException("intoTopicId", "mod.merge.targetNotFound"));
		}
		else {
			into = this.topics.lockOptional(intoTopicId)
				.orElseThrow(() -> new RejectedException("intoTopicId", "mod.merge.targetNotFound"));
			source = this.topics.lock(viewer, topicId);
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
		this.topics.shiftCategoryCounts(source.categoryId(), null, 1, 0);
		this.topics.shiftCategoryCounts(source.categoryId(), into.categoryId(), 0, postIds.size());
		this.audit.record(viewer, "topic.merge", source.target(), why, null, "#" + intoTopicId + " " + into.title());
		this.events.publishEvent(new PostEdited(this.topics.firstPostId(intoTopicId), intoTopicId));
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
		TopicState topic = this.topics.lock(viewer, topicId);
		Category category = this.topics.target(viewer, categoryId);
		if (postNumbers == null || postNumbers.isEmpty()) {
			throw new RejectedException("posts", "mod.split.noPosts");
		}
		if (postNumbers.contains(1)) {
			throw new RejectedException("posts", "mod.split.firstPost");
		}
		String checkedTitle = TopicService.checkedTitle(title);
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
		var keys = new GeneratedKeyHolder();
		String slug = Slugs.slugify(checkedTitle);
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
		this.topics.shiftCategoryCounts(topic.categoryId(), category.id(), 0, posts.size());
		this.topics.shiftCategoryCounts(null, category.id(), 1, 0);
		this.audit.record(viewer, "topic.split", topic.target(), why, null,
				"#" + newId + " " + checkedTitle + " ← posts " + numbers);
		this.events.publishEvent(new PostEdited(this.topics.firstPostId(topicId), topicId));
		this.events.publishEvent(new PostEdited(this.topics.firstPostId(newId), newId));
		return new TopicRef(newId, slug);
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

	private int maxPostNumber(long topicId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(post_number), 0) FROM post WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
	}

}

package com.rapport.community.tag;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostEvents.HeldPostPublished;
import com.rapport.community.topic.PostHeldForReview;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags on topics, as Discourse has them: any member may put existing tags on their own
 * topic; creating a tag that does not exist yet takes a trusted member (trust level
 * {@code rapport.tags.create-min-trust}, 2 by default) or a moderator. A topic carries at
 * most {@code rapport.tags.max-per-topic} tags (5). Moderators may change the tags of any
 * topic; when the topic is not theirs the change is written to the audit log.
 */
@Service
public class Tags {

	/** The longest name the database holds. */
	public static final int NAME_MAX = 30;

	private final JdbcClient jdbc;

	private final TopicService topics;

	private final CategoryService categories;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int maxPerTopic;

	private final int maxLength;

	private final int createMinTrust;

	Tags(JdbcClient jdbc, TopicService topics, CategoryService categories, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, @Value("${rapport.tags.max-per-topic:5}") int maxPerTopic,
			@Value("${rapport.tags.max-length:30}") int maxLength,
			@Value("${rapport.tags.create-min-trust:2}") int createMinTrust) {
		this.jdbc = jdbc;
		this.topics = topics;
		this.categories = categories;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.maxPerTopic = Math.max(0, maxPerTopic);
		this.maxLength = Math.min(Math.max(1, maxLength), NAME_MAX);
		this.createMinTrust = createMinTrust;
	}

	/**
	 * @return how many tags a topic may carry
	 */
	public int maxPerTopic() {
		return this.maxPerTopic;
	}

	/**
	 * @return the longest tag name, in characters
	 */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Checks tags a member typed, without changing anything.
	 * @param viewer who tags
	 * @param raw comma-separated names
	 * @return the normalised names
	 * @throws RejectedException {@code tags.invalid}, {@code tags.tooLong},
	 * {@code tags.tooMany}, or {@code tags.createNotAllowed} when a name is new and the
	 * member may not create tags
	 */
	public List<String> check(Viewer viewer, String raw) {
		List<String> names = TagNames.parse(raw, this.maxLength);
		if (names.size() > this.maxPerTopic) {
			throw new RejectedException("tags", "tags.tooMany");
		}
		if (!names.isEmpty() && !mayCreate(viewer) && existing(names).size() < names.size()) {
			throw new RejectedException("tags", "tags.createNotAllowed");
		}
		return names;
	}

	/**
	 * @param viewer a member
	 * @return whether they may create new tags
	 */
	public boolean mayCreate(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return false;
		}
		if (viewer.isModerator()) {
			return true;
		}
		return this.jdbc.sql("SELECT trust_level FROM member WHERE id = ?")
			.param(viewer.memberId())
			.query(Integer.class)
			.optional()
			.map((level) -> level >= this.createMinTrust)
			.orElse(false);
	}

	/**
	 * Starts a topic with tags, all or nothing: when a tag is refused, no topic is
	 * created.
	 * @param viewer the author
	 * @param command the topic
	 * @param rawTags comma-separated tag names, or blank
	 * @return the new topic
	 * @throws RejectedException as {@link TopicService#startTopic} and {@link #check}
	 * @throws PostHeldForReview when the topic waits for a moderator; its tags are kept
	 * with it and given to the topic when a moderator approves it
	 */
	@Transactional(noRollbackFor = PostHeldForReview.class)
	public TopicRef startTopic(Viewer viewer, NewTopic command, String rawTags) {
		List<String> names = check(viewer, rawTags);
		TopicRef ref;
		try {
			ref = this.topics.startTopic(viewer, command);
		}
		catch (PostHeldForReview held) {
			if (!names.isEmpty()) {
				this.jdbc.sql("UPDATE queued_post SET tags = ? WHERE id = ?")
					.params(TagNames.join(names), held.queuedPostId())
					.update();
			}
			throw held;
		}
		if (!names.isEmpty()) {
			replace(viewer, ref.id(), names);
		}
		return ref;
	}

	/**
	 * A held new topic was approved: it gets the tags it was given (checked when it was
	 * written; a tag deleted meanwhile is made again in its author's name).
	 * @param event the publication
	 */
	@EventListener
	public void on(HeldPostPublished event) {
		if (event.postNumber() != 1) {
			return;
		}
		this.jdbc.sql("SELECT tags, author_id FROM queued_post WHERE id = ?")
			.param(event.queuedPostId())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.optional()
			.filter((row) -> row[0] != null && !((String) row[0]).isBlank())
			.ifPresent((row) -> replace(new Viewer((Long) row[1], null, java.util.Set.of(), true), event.topicId(),
					TagNames.parse((String) row[0], NAME_MAX)));
	}

	/**
	 * Replaces the tags of a topic.
	 * @param viewer the topic's author or a moderator
	 * @param topicId the topic
	 * @param rawTags comma-separated tag names; blank removes all
	 * @return the topic's tags now
	 * @throws RejectedException {@code topic.notFound} when the viewer cannot read the
	 * topic, {@code tags.notAllowed} when they may not tag it, and as {@link #check}
	 */
	@Transactional
	public List<String> retag(Viewer viewer, long topicId, String rawTags) {
		TopicRow topic = this.jdbc
			.sql("SELECT id, category_id, author_id, title FROM topic WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
			.param(topicId)
			.query((rs, n) -> new TopicRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.optional()
			.filter((row) -> this.categories.findById(row.categoryId(), viewer).isPresent())
			.orElseThrow(() -> new RejectedException("topic", "topic.notFound"));
		boolean author = viewer.memberId() != null && viewer.memberId() == topic.authorId();
		if (!author && !viewer.isModerator()) {
			throw new RejectedException("tags", "tags.notAllowed");
		}
		List<String> names = check(viewer, rawTags);
		List<String> before = of(topicId);
		if (before.equals(names)) {
			return before;
		}
		replace(viewer, topicId, names);
		if (!author) {
			this.audit.record(viewer, "topic.tags", AuditTarget.topic(topicId, topic.title(), topic.authorId()), null,
					TagNames.join(before), TagNames.join(names));
		}
		return names;
	}

	private void replace(Viewer viewer, long topicId, List<String> names) {
		this.jdbc.sql("DELETE FROM topic_tag WHERE topic_id = ?").param(topicId).update();
		Map<String, Long> ids = existing(names);
		for (String name : names) {
			Long id = ids.get(name);
			if (id == null) {
				id = create(viewer, name);
			}
			this.jdbc.sql("INSERT INTO topic_tag (tag_id, topic_id) VALUES (?, ?)").params(id, topicId).update();
		}
		this.events.publishEvent(new TopicTagsChanged(topicId));
	}

	private long create(Viewer viewer, String name) {
		try {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			this.jdbc.sql("INSERT INTO tag (name, created_by, created_at) VALUES (?, ?, ?)")
				.params(name, viewer.memberId(), Timestamp.from(this.clock.instant()))
				.update(keys);
			return keys.getKeyAs(Number.class).longValue();
		}
		catch (DuplicateKeyException raced) {
			// another member created the same tag a moment ago: use theirs
			return this.jdbc.sql("SELECT id FROM tag WHERE name = ?").param(name).query(Long.class).single();
		}
	}

	private Map<String, Long> existing(List<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("SELECT name, id FROM tag WHERE name IN (:names)")
			.param("names", names)
			.query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		return ids;
	}

	/**
	 * @param topicId a topic
	 * @return its tags, by name
	 */
	public List<String> of(long topicId) {
		return this.jdbc
			.sql("SELECT g.name FROM topic_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.topic_id = ? ORDER BY g.name")
			.param(topicId)
			.query(String.class)
			.list();
	}

	/**
	 * The tags of several topics at once, for a topic list: one query whatever the number
	 * of topics.
	 * @param topicIds topics
	 * @return each topic's tags by name; topics without tags are missing
	 */
	public Map<Long, List<String>> of(Collection<Long> topicIds) {
		if (topicIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT tt.topic_id, g.name FROM topic_tag tt JOIN tag g ON g.id = tt.tag_id
				WHERE tt.topic_id IN (:ids) ORDER BY tt.topic_id, g.name
				""")
			.param("ids", topicIds)
			.query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return tags;
	}

	/**
	 * @param name a tag's name as in a URL, normalised or not
	 * @return the tag, when it exists
	 */
	public Optional<Tag> find(String name) {
		String normalised;
		try {
			normalised = TagNames.normalise(name, NAME_MAX);
		}
		catch (RejectedException ex) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id, name FROM tag WHERE name = ?")
			.param(normalised)
			.query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/**
	 * The tags a reader can see, with how many of their topics the reader may read; tags
	 * without such a topic are left out. Most used first.
	 * @param viewer who looks
	 * @param limit how many at most
	 * @return the tags
	 */
	public List<TagCount> visibleTo(Viewer viewer, int limit) {
		List<Long> readable = this.categories.visibleTo(viewer).stream().map(Category::id).toList();
		if (readable.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT g.name, COUNT(*) AS topics
				FROM topic_tag tt
				JOIN tag g ON g.id = tt.tag_id
				JOIN topic t ON t.id = tt.topic_id
				WHERE t.category_id IN (:ids) AND t.deleted_at IS NULL
				GROUP BY g.id, g.name
				ORDER BY topics DESC, g.name
				LIMIT :limit
				""")
			.param("ids", readable)
			.param("limit", limit)
			.query((rs, n) -> new TagCount(rs.getString(1), rs.getInt(2)))
			.list();
	}

	private record TopicRow(long id, long categoryId, long authorId, String title) {
	}

}

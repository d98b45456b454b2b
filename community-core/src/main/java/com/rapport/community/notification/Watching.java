package com.rapport.community.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEvents.PostPublished;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows which topic and category, and how far each member has read. Starting a
 * topic or replying to it watches it, unless the member chose a level for it before.
 */
@Service
public class Watching {

	/** A topic the member never opened counts as new for this long after it started. */
	static final Duration NEW_FOR = Duration.ofDays(14);

	private static final String CAN_READ_CATEGORY = "(c.read_role IN ('ANYONE', 'MEMBER') OR EXISTS (SELECT 1 "
			+ "FROM member_role r WHERE r.member_id = w.member_id AND (r.role = 'STAFF' OR r.role = c.read_role)))";

	private final JdbcClient jdbc;

	private final CategoryService categories;

	private final Clock clock;

	Watching(JdbcClient jdbc, CategoryService categories, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.clock = clock;
	}

	/**
	 * The level in effect for a member on a topic.
	 * @param viewer the member
	 * @param topicId the topic
	 * @return the level and why; normal for visitors
	 */
	public TopicLevel levelOf(Viewer viewer, long topicId) {
		if (viewer.isAnonymous()) {
			return TopicLevel.DEFAULT;
		}
		return this.jdbc
			.sql("SELECT tm.level, tm.level_reason, cm.level FROM topic t "
					+ "LEFT JOIN topic_member tm ON tm.topic_id = t.id AND tm.member_id = :m "
					+ "LEFT JOIN category_member cm ON cm.category_id = t.category_id AND cm.member_id = :m "
					+ "WHERE t.id = :t")
			.param("m", viewer.memberId())
			.param("t", topicId)
			.query((rs, n) -> effective((Number) rs.getObject(1), rs.getString(2), (Number) rs.getObject(3)))
			.optional()
			.orElse(TopicLevel.DEFAULT);
	}

	private static TopicLevel effective(Number topicLevel, String reason, Number categoryLevel) {
		if (topicLevel != null) {
			return new TopicLevel(NotificationLevel.ofCode(topicLevel.intValue()),
					(reason != null) ? reason : "CHOSEN");
		}
		if (categoryLevel != null) {
			return new TopicLevel(NotificationLevel.ofCode(categoryLevel.intValue()), "CATEGORY");
		}
		return TopicLevel.DEFAULT;
	}

	/**
	 * Sets the member's level on a topic they can read.
	 * @param viewer the member
	 * @param topicId the topic
	 * @param level the level chosen
	 * @throws RejectedException when the viewer is a visitor or cannot read the topic
	 */
	@Transactional
	public void setTopicLevel(Viewer viewer, long topicId, NotificationLevel level) {
		requireMember(viewer);
		this.jdbc.sql("SELECT category_id FROM topic WHERE id = ? AND deleted_at IS NULL")
			.param(topicId)
			.query(Long.class)
			.optional()
			.filter((id) -> this.categories.findById(id, viewer).isPresent())
			.orElseThrow(() -> new RejectedException("topic", "topic.notFound"));
		this.jdbc
			.sql("INSERT INTO topic_member (member_id, topic_id, level, level_reason) VALUES (?, ?, ?, 'CHOSEN') "
					+ "ON DUPLICATE KEY UPDATE level = ?, level_reason = 'CHOSEN'")
			.params(viewer.memberId(), topicId, level.code(), level.code())
			.update();
	}

	/**
	 * The member's level on a category.
	 * @param viewer the member
	 * @param categoryId the category
	 * @return the level; normal when never chosen or for visitors
	 */
	public NotificationLevel levelOfCategory(Viewer viewer, long categoryId) {
		if (viewer.isAnonymous()) {
			return NotificationLevel.NORMAL;
		}
		return this.jdbc.sql("SELECT level FROM category_member WHERE member_id = ? AND category_id = ?")
			.params(viewer.memberId(), categoryId)
			.query(Integer.class)
			.optional()
			.map(NotificationLevel::ofCode)
			.orElse(NotificationLevel.NORMAL);
	}

	/**
	 * Sets the member's level on a category they can read; its topics follow it unless
	 * the member chose a level for a topic.
	 * @param viewer the member
	 * @param categoryId the category
	 * @param level the level chosen
	 * @throws RejectedException when the viewer is a visitor or cannot read the category
	 */
	@Transactional
	public void setCategoryLevel(Viewer viewer, long categoryId, NotificationLevel level) {
		requireMember(viewer);
		if (this.categories.findById(categoryId, viewer).isEmpty()) {
			throw new RejectedException("category", "category.notFound");
		}
		this.jdbc
			.sql("INSERT INTO category_member (member_id, category_id, level) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE level = ?")
			.params(viewer.memberId(), categoryId, level.code(), level.code())
			.update();
	}

	/**
	 * Remembers that the member has read a topic up to a post.
	 * @param viewer the reader; nothing is written for visitors
	 * @param topicId the topic
	 * @param postNumber the last post number shown to them
	 */
	@Transactional
	public void markRead(Viewer viewer, long topicId, int postNumber) {
		if (viewer.isAnonymous()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("INSERT INTO topic_member (member_id, topic_id, last_read_post_number, first_visited_at, "
					+ "last_visited_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
					+ "last_read_post_number = GREATEST(last_read_post_number, ?), last_visited_at = ?, "
					+ "first_visited_at = COALESCE(first_visited_at, ?)")
			.params(viewer.memberId(), topicId, postNumber, now, now, postNumber, now, now)
			.update();
	}

	/**
	 * The new and unread markers of the topics on a list.
	 * @param viewer the member looking at the list
	 * @param topicIds the topics shown
	 * @return a marker per topic that has one (no entry means nothing to show)
	 */
	public Map<Long, ReadMarker> markers(Viewer viewer, Collection<Long> topicIds) {
		if (viewer.isAnonymous() || topicIds.isEmpty()) {
			return Map.of();
		}
		Instant newSince = this.clock.instant().minus(NEW_FOR);
		Map<Long, ReadMarker> markers = new HashMap<>();
		this.jdbc
			.sql("SELECT t.id, t.created_at > GREATEST(?, (SELECT created_at FROM member WHERE id = ?)) AS recent, "
					+ "(SELECT MAX(p.post_number) FROM post p WHERE p.topic_id = t.id) AS highest, "
					+ "tm.level, tm.last_read_post_number, cm.level AS category_level FROM topic t "
					+ "LEFT JOIN topic_member tm ON tm.topic_id = t.id AND tm.member_id = ? "
					+ "LEFT JOIN category_member cm ON cm.category_id = t.category_id AND cm.member_id = ? "
					+ "WHERE t.id IN (" + placeholders(topicIds.size()) + ")")
			.params(paramsFor(viewer.memberId(), newSince, topicIds))
			.query((rs) -> {
				int lastRead = rs.getInt(5);
				NotificationLevel level = effective((Number) rs.getObject(4), null, (Number) rs.getObject(6)).level();
				if (lastRead == 0) {
					if (rs.getBoolean(2) && level != NotificationLevel.MUTED) {
						markers.put(rs.getLong(1), new ReadMarker(true, 0, 1));
					}
				}
				else if (level.countsUnread() && rs.getInt(3) > lastRead) {
					markers.put(rs.getLong(1), new ReadMarker(false, rs.getInt(3) - lastRead, lastRead + 1));
				}
			});
		return markers;
	}

	private static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	private static Object[] paramsFor(long memberId, Instant newSince, Collection<Long> topicIds) {
		Object[] params = new Object[4 + topicIds.size()];
		params[0] = Timestamp.from(newSince);
		params[1] = memberId;
		params[2] = memberId;
		params[3] = memberId;
		int i = 4;
		for (Long id : topicIds) {
			params[i++] = id;
		}
		return params;
	}

	/**
	 * Whether a member has muted a topic (itself or through its category).
	 * @param memberId the member
	 * @param topicId the topic
	 * @return true when nothing about the topic should reach them
	 */
	public boolean isMuted(long memberId, long topicId) {
		return this.jdbc
			.sql("SELECT COALESCE(tm.level, cm.level) FROM topic t "
					+ "LEFT JOIN topic_member tm ON tm.topic_id = t.id AND tm.member_id = :m "
					+ "LEFT JOIN category_member cm ON cm.category_id = t.category_id AND cm.member_id = :m "
					+ "WHERE t.id = :t")
			.param("m", memberId)
			.param("t", topicId)
			.query((rs, n) -> rs.getObject(1))
			.optional()
			.map((level) -> ((Number) level).intValue() == NotificationLevel.MUTED.code())
			.orElse(false);
	}

	/**
	 * The members who watch a topic, itself or through its category, and can read it.
	 * @param topicId the topic
	 * @return their ids
	 */
	List<Long> watchersOf(long topicId) {
		int watching = NotificationLevel.WATCHING.code();
		return this.jdbc
			.sql("SELECT w.member_id FROM topic t JOIN category c ON c.id = t.category_id "
					+ "JOIN topic_member w ON w.topic_id = t.id AND w.level = :watching WHERE t.id = :t AND "
					+ CAN_READ_CATEGORY
					+ " UNION SELECT w.member_id FROM topic t JOIN category c ON c.id = t.category_id "
					+ "JOIN category_member w ON w.category_id = t.category_id AND w.level = :watching "
					+ "LEFT JOIN topic_member tm ON tm.topic_id = t.id AND tm.member_id = w.member_id "
					+ "WHERE t.id = :t AND tm.level IS NULL AND " + CAN_READ_CATEGORY)
			.param("watching", watching)
			.param("t", topicId)
			.query(Long.class)
			.list();
	}

	@EventListener
	void on(PostPublished event) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String reason = (event.postNumber() == 1) ? "CREATED" : "REPLIED";
		this.jdbc
			.sql("INSERT INTO topic_member (member_id, topic_id, level, level_reason, last_read_post_number, "
					+ "first_visited_at, last_visited_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
					+ "level_reason = IF(level IS NULL, ?, level_reason), level = COALESCE(level, ?), "
					+ "last_read_post_number = GREATEST(last_read_post_number, ?), last_visited_at = ?")
			.params(event.authorId(), event.topicId(), NotificationLevel.WATCHING.code(), reason, event.postNumber(),
					now, now, reason, NotificationLevel.WATCHING.code(), event.postNumber(), now)
			.update();
	}

	private static void requireMember(Viewer viewer) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("level", "topic.loginRequired");
		}
	}

}

package com.rapport.community.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads notifications. The unread count is kept on the member row, so the bell
 * on every page costs no extra query.
 */
@Service
public class Notifications {

	public static final int PAGE_SIZE = 30;

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Tells a member something, unless it was themself who did it.
	 * @param memberId who is told
	 * @param kind why
	 * @param actorId who did it, or null
	 * @param topicId the topic, or null
	 * @param postNumber the post, or null
	 */
	@Transactional
	public void notify(long memberId, NotificationKind kind, Long actorId, Long topicId, Integer postNumber) {
		if (actorId != null && actorId == memberId) {
			return;
		}
		if (kind == NotificationKind.REACTION && groupWithUnread(memberId, topicId, postNumber)) {
			return;
		}
		if (kind == NotificationKind.WATCHED_POST && groupWithUnreadInTopic(memberId, topicId, actorId)) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO notification (member_id, kind, actor_id, topic_id, post_number, detail, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, '1', ?)")
			.params(memberId, kind.name(), actorId, topicId, postNumber, Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("UPDATE member SET unread_notifications = unread_notifications + 1 WHERE id = ?")
			.param(memberId)
			.update();
	}

	/**
	 * Tells a member of something that is not a topic (a private message, a survey), with
	 * its own link. Unread notifications of the same kind and link are grouped.
	 * @param memberId who is told
	 * @param kind why
	 * @param actorId who did it, or null
	 * @param url where it leads: a path inside the portal
	 * @param subject what it is about, shown in the list
	 */
	@Transactional
	public void notify(long memberId, NotificationKind kind, Long actorId, String url, String subject) {
		if (!url.startsWith("/") || url.startsWith("//") || url.contains("\\")) {
			throw new IllegalArgumentException("A notification links inside the portal");
		}
		if (actorId != null && actorId == memberId) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int grouped = this.jdbc
			.sql("UPDATE notification SET detail = CAST(detail AS UNSIGNED) + 1, actor_id = ?, created_at = ? "
					+ "WHERE member_id = ? AND kind = ? AND url = ? AND read_at IS NULL")
			.params(actorId, now, memberId, kind.name(), url)
			.update();
		if (grouped > 0) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO notification (member_id, kind, actor_id, url, subject, detail, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, '1', ?)")
			.params(memberId, kind.name(), actorId, url, subject, now)
			.update();
		this.jdbc.sql("UPDATE member SET unread_notifications = unread_notifications + 1 WHERE id = ?")
			.param(memberId)
			.update();
	}

	/**
	 * Tells a member something about a topic that the topic alone does not say (an idea's
	 * new status), unless it was themself who did it. Never grouped.
	 * @param memberId who is told
	 * @param kind why
	 * @param actorId who did it, or null
	 * @param topicId the topic
	 * @param subject what it says beyond the topic, at most 255 characters
	 */
	@Transactional
	public void notifyAboutTopic(long memberId, NotificationKind kind, Long actorId, long topicId, String subject) {
		if (actorId != null && actorId == memberId) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO notification (member_id, kind, actor_id, topic_id, subject, detail, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, '1', ?)")
			.params(memberId, kind.name(), actorId, topicId, subject, Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("UPDATE member SET unread_notifications = unread_notifications + 1 WHERE id = ?")
			.param(memberId)
			.update();
	}

	private boolean groupWithUnread(long memberId, Long topicId, Integer postNumber) {
		return this.jdbc
			.sql("UPDATE notification SET detail = CAST(detail AS UNSIGNED) + 1, created_at = ? WHERE member_id = ? "
					+ "AND kind = 'REACTION' AND topic_id = ? AND post_number = ? AND read_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), memberId, topicId, postNumber)
			.update() > 0;
	}

	/**
	 * Folds another new post in a watched topic into the unread notification about that
	 * topic; the notification keeps pointing at the first post the member has not seen.
	 */
	private boolean groupWithUnreadInTopic(long memberId, Long topicId, Long actorId) {
		return this.jdbc
			.sql("UPDATE notification SET detail = CAST(detail AS UNSIGNED) + 1, actor_id = ?, created_at = ? "
					+ "WHERE member_id = ? AND kind = 'WATCHED_POST' AND topic_id = ? AND read_at IS NULL")
			.params(actorId, Timestamp.from(this.clock.instant()), memberId, topicId)
			.update() > 0;
	}

	public int unreadCount(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return 0;
		}
		return this.jdbc.sql("SELECT unread_notifications FROM member WHERE id = ?")
			.param(viewer.memberId())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * The viewer's notifications, newest first.
	 * @param viewer whose
	 * @param beforeId null for the first page, else the last id of the previous page
	 * @return up to {@link #PAGE_SIZE} notifications
	 */
	public List<Notification> list(Viewer viewer, Long beforeId) {
		return this.jdbc.sql("""
				SELECT n.id, n.kind, a.username, n.topic_id, COALESCE(t.title, n.subject) AS title, t.slug,
				       n.post_number, n.detail, n.created_at, n.read_at IS NOT NULL AS is_read, n.url,
				       n.subject
				FROM notification n
				LEFT JOIN member a ON a.id = n.actor_id
				LEFT JOIN topic t ON t.id = n.topic_id
				WHERE n.member_id = :member AND n.id < :before
				ORDER BY n.id DESC LIMIT :limit
				""")
			.param("member", viewer.memberId())
			.param("before", (beforeId != null) ? beforeId : Long.MAX_VALUE)
			.param("limit", PAGE_SIZE)
			.query(Notifications::notification)
			.list();
	}

	/**
	 * Marks one notification read (when the member follows it).
	 * @param viewer whose
	 * @param id the notification
	 */
	@Transactional
	public void markRead(Viewer viewer, long id) {
		int changed = this.jdbc
			.sql("UPDATE notification SET read_at = ? WHERE id = ? AND member_id = ? AND read_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), id, viewer.memberId())
			.update();
		if (changed > 0) {
			this.jdbc.sql("UPDATE member SET unread_notifications = GREATEST(unread_notifications - 1, 0) WHERE id = ?")
				.param(viewer.memberId())
				.update();
		}
	}

	/**
	 * Where a notification leads, when it is the viewer's.
	 * @param viewer whose
	 * @param id the notification
	 * @return the notification
	 */
	public java.util.Optional<Notification> find(Viewer viewer, long id) {
		return this.jdbc.sql("""
				SELECT n.id, n.kind, a.username, n.topic_id, COALESCE(t.title, n.subject) AS title, t.slug,
				       n.post_number, n.detail, n.created_at, n.read_at IS NOT NULL AS is_read, n.url,
				       n.subject
				FROM notification n
				LEFT JOIN member a ON a.id = n.actor_id
				LEFT JOIN topic t ON t.id = n.topic_id
				WHERE n.id = ? AND n.member_id = ?
				""").params(id, viewer.memberId()).query(Notifications::notification).optional();
	}

	@Transactional
	public void markAllRead(Viewer viewer) {
		this.jdbc.sql("UPDATE notification SET read_at = ? WHERE member_id = ? AND read_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), viewer.memberId())
			.update();
		this.jdbc.sql("UPDATE member SET unread_notifications = 0 WHERE id = ?").param(viewer.memberId()).update();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		long topicId = rs.getLong("topic_id");
		Long topic = rs.wasNull() ? null : topicId;
		int postNumber = rs.getInt("post_number");
		Integer post = rs.wasNull() ? null : postNumber;
		int count;
		try {
			count = Math.max(1, Integer.parseInt(String.valueOf(rs.getString("detail"))));
		}
		catch (NumberFormatException ex) {
			count = 1;
		}
		return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("username"), topic, rs.getString("title"), rs.getString("slug"), post, count,
				rs.getTimestamp("created_at").toInstant(), rs.getBoolean("is_read"), rs.getString("url"),
				(topic != null) ? rs.getString("subject") : null);
	}

}

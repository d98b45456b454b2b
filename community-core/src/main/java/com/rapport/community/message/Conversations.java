package com.rapport.community.message;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.PostRenderer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private conversations. Only their members read them; a member who blocked someone gets
 * no messages from them, except from moderators and staff, whose messages about the
 * community (a follow-up on feedback, a moderation notice) always arrive.
 */
@Service
public class Conversations {

	public static final int MAX_RECIPIENTS = 10;

	public static final int SUBJECT_MIN = 3;

	public static final int SUBJECT_MAX = 200;

	public static final int BODY_MIN = 2;

	public static final int BODY_MAX = 32_000;

	public static final int PAGE_SIZE = 30;

	private final JdbcClient jdbc;

	private final MemberService members;

	private final Blocks blocks;

	private final PostRenderer renderer;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Conversations(JdbcClient jdbc, MemberService members, Blocks blocks, PostRenderer renderer,
			Notifications notifications, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.blocks = blocks;
		this.renderer = renderer;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a conversation with one or more members.
	 * @param sender who writes
	 * @param recipients usernames, separated by commas or spaces, with or without @
	 * @param subject the subject
	 * @param body the first message, in Markdown
	 * @return the new conversation's id
	 * @throws RejectedException when a recipient is unknown or does not accept messages
	 * from the sender, or the text is not acceptable
	 */
	@Transactional
	public long start(Viewer sender, String recipients, String subject, String body) {
		requireVerified(sender);
		List<Member> to = recipientsOf(sender, recipients);
		String checkedSubject = checked(subject, SUBJECT_MIN, SUBJECT_MAX, "subject", "message.subject.length");
		String checkedBody = checked(body, BODY_MIN, BODY_MAX, "body", "message.body.length");
		Timestamp now = Timestamp.from(this.clock.instant());
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO conversation (subject, created_by, created_at, last_message_at) VALUES (?, ?, ?, ?)")
			.params(checkedSubject, sender.memberId(), now, now)
			.update(keys);
		long conversationId = keys.getKeyAs(Number.class).longValue();
		List<Long> everyone = new ArrayList<>();
		everyone.add(sender.memberId());
		to.forEach((member) -> everyone.add(member.id()));
		for (long memberId : everyone) {
			this.jdbc
				.sql("INSERT INTO conversation_member (conversation_id, member_id, last_message_at) VALUES (?, ?, ?)")
				.params(conversationId, memberId, now)
				.update();
		}
		write(sender, conversationId, checkedSubject, checkedBody);
		return conversationId;
	}

	/**
	 * Adds a message to a conversation the sender is in.
	 * @param sender who writes
	 * @param conversationId the conversation
	 * @param body the message, in Markdown
	 * @throws RejectedException when the sender is not in it, someone in it blocked them,
	 * or the text is not acceptable
	 */
	@Transactional
	public void reply(Viewer sender, long conversationId, String body) {
		requireVerified(sender);
		String subject = this.jdbc
			.sql("SELECT c.subject FROM conversation c JOIN conversation_member m ON m.conversation_id = c.id "
					+ "WHERE c.id = ? AND m.member_id = ? FOR UPDATE")
			.params(conversationId, sender.memberId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new RejectedException("conversation", "message.notFound"));
		if (!mayWriteIn(sender, conversationId)) {
			throw new RejectedException("body", "message.blocked");
		}
		write(sender, conversationId, subject, checked(body, BODY_MIN, BODY_MAX, "body", "message.body.length"));
	}

	private void write(Viewer sender, long conversationId, String subject, String body) {
		Instant now = this.clock.instant();
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO message (conversation_id, author_id, raw, cooked, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(conversationId, sender.memberId(), body, this.renderer.render(body), Timestamp.from(now))
			.update(keys);
		long messageId = keys.getKeyAs(Number.class).longValue();
		this.jdbc.sql("UPDATE conversation SET last_message_at = ?, message_count = message_count + 1 WHERE id = ?")
			.params(Timestamp.from(now), conversationId)
			.update();
		this.jdbc
			.sql("UPDATE conversation_member SET last_message_at = ?, " + "unread = IF(member_id = ?, 0, unread + 1), "
					+ "last_read_id = IF(member_id = ?, ?, last_read_id) WHERE conversation_id = ?")
			.params(Timestamp.from(now), sender.memberId(), sender.memberId(), messageId, conversationId)
			.update();
		String url = "/messages/" + conversationId;
		this.jdbc.sql("SELECT member_id FROM conversation_member WHERE conversation_id = ? AND member_id <> ?")
			.params(conversationId, sender.memberId())
			.query(Long.class)
			.list()
			.forEach((memberId) -> this.notifications.notify(memberId, NotificationKind.PRIVATE_MESSAGE,
					sender.memberId(), url, subject));
		this.events.publishEvent(new MessageSent(conversationId, messageId, sender.memberId()));
	}

	/**
	 * The viewer's conversations, most recent first.
	 * @param viewer whose
	 * @param before the id of the last conversation of the previous page, or null
	 * @return up to {@link #PAGE_SIZE} conversations
	 */
	public List<ConversationSummary> inbox(Viewer viewer, Long before) {
		if (viewer.isAnonymous()) {
			return List.of();
		}
		Timestamp beforeAt = (before == null) ? null
				: this.jdbc
					.sql("SELECT last_message_at FROM conversation_member WHERE conversation_id = ? AND member_id = ?")
					.params(before, viewer.memberId())
					.query(Timestamp.class)
					.optional()
					.orElse(null);
		return this.jdbc.sql("""
				SELECT c.id, c.subject, c.last_message_at, c.message_count, m.unread,
				       (SELECT GROUP_CONCAT(u.username ORDER BY u.username SEPARATOR ',')
				        FROM conversation_member o JOIN member u ON u.id = o.member_id
				        WHERE o.conversation_id = c.id AND o.member_id <> m.member_id) AS others
				FROM conversation_member m JOIN conversation c ON c.id = m.conversation_id
				WHERE m.member_id = :member
				  AND (:beforeAt IS NULL OR m.last_message_at < :beforeAt
				       OR (m.last_message_at = :beforeAt AND m.conversation_id < :before))
				ORDER BY m.last_message_at DESC, m.conversation_id DESC
				LIMIT :limit
				""")
			.param("member", viewer.memberId())
			.param("beforeAt", beforeAt)
			.param("before", (before != null) ? before : 0L)
			.param("limit", PAGE_SIZE)
			.query((rs, n) -> new ConversationSummary(rs.getLong("id"), rs.getString("subject"),
					names(rs.getString("others")), rs.getTimestamp("last_message_at").toInstant(),
					rs.getInt("message_count"), rs.getInt("unread")))
			.list();
	}

	/**
	 * Opens a conversation for one of its members and marks it read.
	 * @param viewer the reader
	 * @param conversationId the conversation
	 * @return the conversation, or empty when the viewer is not in it
	 */
	@Transactional
	public Optional<ConversationView> read(Viewer viewer, long conversationId) {
		if (viewer.isAnonymous()) {
			return Optional.empty();
		}
		var header = this.jdbc
			.sql("SELECT c.subject, m.last_read_id FROM conversation c JOIN conversation_member m "
					+ "ON m.conversation_id = c.id WHERE c.id = ? AND m.member_id = ?")
			.params(conversationId, viewer.memberId())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.optional();
		if (header.isEmpty()) {
			return Optional.empty();
		}
		long lastRead = (Long) header.get()[1];
		List<MessageView> messages = this.jdbc
			.sql("SELECT x.id, u.username, x.cooked, x.created_at FROM message x JOIN member u ON u.id = x.author_id "
					+ "WHERE x.conversation_id = ? ORDER BY x.id")
			.param(conversationId)
			.query((rs, n) -> new MessageView(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getLong(1) > lastRead))
			.list();
		List<String> participants = this.jdbc
			.sql("SELECT u.username FROM conversation_member m JOIN member u ON u.id = m.member_id "
					+ "WHERE m.conversation_id = ? ORDER BY u.username")
			.param(conversationId)
			.query(String.class)
			.list();
		long newest = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
		this.jdbc
			.sql("UPDATE conversation_member SET unread = 0, last_read_id = GREATEST(last_read_id, ?) "
					+ "WHERE conversation_id = ? AND member_id = ?")
			.params(newest, conversationId, viewer.memberId())
			.update();
		return Optional.of(new ConversationView(conversationId, (String) header.get()[0], participants, messages,
				mayWriteIn(viewer, conversationId)));
	}

	/**
	 * How many unread messages the viewer has across conversations.
	 * @param viewer whose
	 * @return the count, 0 for visitors
	 */
	public int unreadCount(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return 0;
		}
		return this.jdbc.sql("SELECT COALESCE(SUM(unread), 0) FROM conversation_member WHERE member_id = ?")
			.param(viewer.memberId())
			.query(Integer.class)
			.single();
	}

	private boolean mayWriteIn(Viewer sender, long conversationId) {
		if (sender.isModerator()) {
			return true;
		}
		return this.jdbc
			.sql("SELECT COUNT(*) FROM conversation_member m JOIN member_block b ON b.blocker_id = m.member_id "
					+ "WHERE m.conversation_id = ? AND b.blocked_id = ?")
			.params(conversationId, sender.memberId())
			.query(Integer.class)
			.single() == 0;
	}

	private List<Member> recipientsOf(Viewer sender, String recipients) {
		Set<String> names = new LinkedHashSet<>();
		if (recipients != null) {
			Arrays.stream(recipients.split("[,\\s]+"))
				.map((name) -> name.startsWith("@") ? name.substring(1) : name)
				.filter((name) -> !name.isBlank())
				.forEach(names::add);
		}
		if (names.isEmpty()) {
			throw new RejectedException("to", "message.to.missing");
		}
		if (names.size() > MAX_RECIPIENTS) {
			throw new RejectedException("to", "message.to.tooMany");
		}
		List<Member> to = new ArrayList<>();
		for (String name : names) {
			Member member = this.members.findByUsername(name)
				.orElseThrow(() -> new RejectedException("to", "message.to.unknown"));
			if (member.id() == sender.memberId()) {
				throw new RejectedException("to", "message.to.self");
			}
			if (!sender.isModerator() && this.blocks.isBlocked(member.id(), sender.memberId())) {
				throw new RejectedException("to", "message.blocked");
			}
			if (to.stream().noneMatch((m) -> m.id() == member.id())) {
				to.add(member);
			}
		}
		return to;
	}

	private static List<String> names(String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
	}

	private static String checked(String text, int min, int max, String field, String key) {
		String value = (text != null) ? text.strip() : "";
		int length = value.codePointCount(0, value.length());
		if (length < min || length > max) {
			throw new RejectedException(field, key);
		}
		return value;
	}

	private static void requireVerified(Viewer viewer) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("body", "topic.loginRequired");
		}
		if (!viewer.emailVerified()) {
			throw new RejectedException("body", "topic.verifyEmailFirst");
		}
	}

}

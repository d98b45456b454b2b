package com.rapport.community.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.message.Conversations;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with follow-ups: list and read them, take or give them, change their
 * status and due date, write notes, and write to the customer. Every change is in the
 * audit log; notes themselves stay in the follow-up.
 */
@Service
public class FollowUps {

	public static final int PAGE_SIZE = 30;

	public static final int NOTE_MAX = 4000;

	public static final int REPLY_MAX = 4000;

	/** Replies a customer may send through one follow-up's email link. */
	public static final int REPLIES_MAX = 20;

	static final String SELECT = """
			SELECT f.id, f.source, f.response_id, f.survey_id, s.name AS survey_name, f.post_id, p.topic_id,
			       p.post_number, t.title, f.member_id, m.username, f.contact_email, f.score, f.sentiment_score,
			       f.excerpt, f.status, f.owner_id, o.username AS owner_username, f.due_at, f.created_at,
			       f.contacted_at, f.closed_at, f.conversation_id, f.last_reply_at
			FROM follow_up f
			LEFT JOIN survey s ON s.id = f.survey_id
			LEFT JOIN post p ON p.id = f.post_id
			LEFT JOIN topic t ON t.id = p.topic_id
			LEFT JOIN member m ON m.id = f.member_id
			LEFT JOIN member o ON o.id = f.owner_id
			""";

	private final JdbcClient jdbc;

	private final MemberService members;

	private final Conversations conversations;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, MemberService members, Conversations conversations, Notifications notifications,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.conversations = conversations;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of follow-ups, newest first.
	 * @param viewer a staff member
	 * @param filter which ones
	 * @param before the id the previous page ended at, or null for the first page
	 * @return up to {@link #PAGE_SIZE} follow-ups
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<FollowUp> list(Viewer viewer, FollowUpFilter filter, Long before) {
		requireStaff(viewer);
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.status() != null) {
			where.append(" AND f.status = ?");
			params.add(filter.status().name());
		}
		else {
			where.append(" AND f.status IN ('OPEN', 'CONTACTED')");
		}
		if (filter.unassigned()) {
			where.append(" AND f.owner_id IS NULL");
		}
		else if (filter.ownerId() != null) {
			where.append(" AND f.owner_id = ?");
			params.add(filter.ownerId());
		}
		if (filter.source() != null) {
			where.append(" AND f.source = ?");
			params.add(filter.source().name());
		}
		if (before != null) {
			where.append(" AND f.id < ?");
			params.add(before);
		}
		return this.jdbc.sql(SELECT + where + " ORDER BY f.id DESC LIMIT " + PAGE_SIZE)
			.params(params)
			.query(FollowUps::row)
			.list();
	}

	/**
	 * One follow-up.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @return it, or empty when there is none with that id
	 */
	@PreAuthorize("hasRole('STAFF')")
	public Optional<FollowUp> find(Viewer viewer, long id) {
		requireStaff(viewer);
		return byId(id);
	}

	Optional<FollowUp> byId(long id) {
		return this.jdbc.sql(SELECT + " WHERE f.id = ?").param(id).query(FollowUps::row).optional();
	}

	/**
	 * The timeline of a follow-up, oldest first.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @return its entries
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<FollowUpEvent> timeline(Viewer viewer, long id) {
		requireStaff(viewer);
		return this.jdbc
			.sql("SELECT e.id, e.kind, m.username, e.body, e.created_at FROM follow_up_event e "
					+ "LEFT JOIN member m ON m.id = e.actor_id WHERE e.follow_up_id = ? ORDER BY e.id")
			.param(id)
			.query((rs, n) -> new FollowUpEvent(rs.getLong(1), FollowUpEventKind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * The answers of the response that opened a follow-up, in question order.
	 * @param viewer a staff member
	 * @param followUp the follow-up
	 * @param language "en", "zh" or "ru": the language of the question texts
	 * @return the answers, empty for a post's follow-up or a deleted response
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<FollowUpAnswer> answers(Viewer viewer, FollowUp followUp, String language) {
		requireStaff(viewer);
		if (followUp.responseId() == null) {
			return List.of();
		}
		String prompt = switch (language) {
			case "zh" -> "COALESCE(q.prompt_zh, q.prompt_en)";
			case "ru" -> "COALESCE(q.prompt_ru, q.prompt_en)";
			default -> "q.prompt_en";
		};
		return this.jdbc
			.sql("SELECT " + prompt + ", q.question_type, a.number_value, a.choice_values, a.text_value "
					+ "FROM survey_answer a JOIN survey_question q ON q.id = a.question_id "
					+ "WHERE a.response_id = ? ORDER BY q.position")
			.param(followUp.responseId())
			.query((rs, n) -> new FollowUpAnswer(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * Gives a follow-up to a staff member, or to nobody.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @param ownerId the new owner, a staff member, or null
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void assign(Viewer viewer, long id, Long ownerId) {
		FollowUp followUp = lockForChange(viewer, id);
		String ownerName = null;
		if (ownerId != null) {
			Member owner = this.members.findById(ownerId)
				.filter((m) -> m.has(Role.STAFF))
				.orElseThrow(() -> new RejectedException("owner", "followup.owner.notStaff"));
			ownerName = owner.username();
		}
		if (java.util.Objects.equals(ownerId, followUp.ownerId())) {
			return;
		}
		this.jdbc.sql("UPDATE follow_up SET owner_id = ? WHERE id = ?").params(ownerId, id).update();
		event(id, FollowUpEventKind.ASSIGNED, viewer.memberId(), ownerName);
		this.audit.record(viewer, "followup.assign", target(followUp), null, followUp.ownerUsername(), ownerName);
		if (ownerId != null) {
			this.notifications.notify(ownerId, NotificationKind.FOLLOW_UP_ASSIGNED, viewer.memberId(), url(id),
					label(followUp));
		}
	}

	/**
	 * Changes a follow-up's status; giving up ("won't fix") needs a note saying why.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @param status the new status
	 * @param note why, optional except for won't fix
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void changeStatus(Viewer viewer, long id, FollowUpStatus status, String note) {
		FollowUp followUp = lockForChange(viewer, id);
		String text = (note != null) ? note.strip() : "";
		if (status == FollowUpStatus.WONT_FIX && text.isEmpty()) {
			throw new RejectedException("note", "followup.status.noteRequired");
		}
		checkLength(text, NOTE_MAX, "note", "followup.note.length");
		if (status == followUp.status()) {
			return;
		}
		Timestamp now = now();
		this.jdbc
			.sql("UPDATE follow_up SET status = ?, closed_at = ?, "
					+ "contacted_at = CASE WHEN ? AND contacted_at IS NULL THEN ? ELSE contacted_at END WHERE id = ?")
			.params(status.name(), status.isClosed() ? now : null, status == FollowUpStatus.CONTACTED, now, id)
			.update();
		event(id, FollowUpEventKind.STATUS, viewer.memberId(), status.name());
		if (!text.isEmpty()) {
			event(id, FollowUpEventKind.NOTE, viewer.memberId(), text);
		}
		this.audit.record(viewer, "followup.status", target(followUp), text.isEmpty() ? null : text,
				followUp.status().name(), status.name());
	}

	/**
	 * Moves a follow-up's due date.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @param dueAt the new due date, not in the past
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void changeDue(Viewer viewer, long id, Instant dueAt) {
		FollowUp followUp = lockForChange(viewer, id);
		if (dueAt == null || dueAt.isBefore(this.clock.instant().minus(Duration.ofDays(1)))) {
			throw new RejectedException("due", "followup.due.past");
		}
		this.jdbc.sql("UPDATE follow_up SET due_at = ? WHERE id = ?").params(Timestamp.from(dueAt), id).update();
		event(id, FollowUpEventKind.DUE, viewer.memberId(), dueAt.toString());
		this.audit.record(viewer, "followup.due", target(followUp), null, followUp.dueAt().toString(),
				dueAt.toString());
	}

	/**
	 * Adds a staff note to a follow-up.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @param body the note
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void addNote(Viewer viewer, long id, String body) {
		FollowUp followUp = lockForChange(viewer, id);
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			throw new RejectedException("body", "followup.note.length");
		}
		checkLength(text, NOTE_MAX, "body", "followup.note.length");
		event(id, FollowUpEventKind.NOTE, viewer.memberId(), text);
		// the note stays in the follow-up; the log records that one was written
		this.audit.record(viewer, "followup.note", target(followUp), null, null, null);
	}

	/**
	 * Writes to the customer by private message: the first message starts a conversation,
	 * later ones continue it. The customer's answers in it come back into the follow-up.
	 * Marks the follow-up contacted.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @param subject the subject of a new conversation
	 * @param body the message, in Markdown
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void sendMessage(Viewer viewer, long id, String subject, String body) {
		FollowUp followUp = lockForChange(viewer, id);
		if (!followUp.canMessage()) {
			throw new RejectedException("body", "followup.message.noMember");
		}
		Long conversationId = this.jdbc
			.sql("SELECT c.conversation_id FROM follow_up_conversation c JOIN conversation_member m "
					+ "ON m.conversation_id = c.conversation_id AND m.member_id = ? "
					+ "WHERE c.follow_up_id = ? ORDER BY c.conversation_id DESC LIMIT 1")
			.params(viewer.memberId(), id)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (conversationId != null) {
			this.conversations.reply(viewer, conversationId, body);
		}
		else {
			conversationId = this.conversations.start(viewer, followUp.memberUsername(), subject, body);
			this.jdbc.sql("INSERT INTO follow_up_conversation (conversation_id, follow_up_id) VALUES (?, ?)")
				.params(conversationId, id)
				.update();
		}
		this.jdbc.sql("UPDATE follow_up SET conversation_id = ? WHERE id = ?").params(conversationId, id).update();
		contacted(viewer, followUp, FollowUpEventKind.MESSAGE, body.strip());
		this.audit.record(viewer, "followup.message", target(followUp), null, null, null);
	}

	/**
	 * Records an email to the customer; the caller queues the mail in the same
	 * transaction. Marks the follow-up contacted.
	 * @param viewer a staff member
	 * @param id the follow-up
	 * @param body the email's text
	 * @return the follow-up, with the address to write to
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public FollowUp recordEmail(Viewer viewer, long id, String body) {
		FollowUp followUp = lockForChange(viewer, id);
		if (!followUp.canEmail()) {
			throw new RejectedException("body", "followup.email.noAddress");
		}
		String text = (body != null) ? body.strip() : "";
		if (text.length() < 2) {
			throw new RejectedException("body", "followup.email.length");
		}
		checkLength(text, REPLY_MAX, "body", "followup.email.length");
		contacted(viewer, followUp, FollowUpEventKind.EMAIL, text);
		this.audit.record(viewer, "followup.email", target(followUp), null, null, null);
		return followUp;
	}

	/**
	 * The customer answered through the link of a follow-up email.
	 * @param id the follow-up (the link's signature was checked by the caller)
	 * @param body what they wrote
	 */
	@Transactional
	public void customerReplied(long id, String body) {
		FollowUp followUp = this.jdbc.sql(SELECT + " WHERE f.id = ? FOR UPDATE")
			.param(id)
			.query(FollowUps::row)
			.optional()
			.orElseThrow(() -> new RejectedException("body", "followup.reply.notFound"));
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			throw new RejectedException("body", "followup.reply.length");
		}
		checkLength(text, REPLY_MAX, "body", "followup.reply.length");
		int replies = this.jdbc
			.sql("SELECT COUNT(*) FROM follow_up_event WHERE follow_up_id = ? AND kind = 'REPLY' AND actor_id IS NULL")
			.param(id)
			.query(Integer.class)
			.single();
		if (replies >= REPLIES_MAX) {
			throw new RejectedException("body", "followup.reply.tooMany");
		}
		replied(followUp, null, text, false);
	}

	/**
	 * Records the customer's answer and tells the owner, unless they were already told
	 * (the answer came in a conversation they are in).
	 */
	void replied(FollowUp followUp, Long memberId, String text, boolean ownerAlreadyTold) {
		event(followUp.id(), FollowUpEventKind.REPLY, memberId, text);
		this.jdbc.sql("UPDATE follow_up SET last_reply_at = ? WHERE id = ?").params(now(), followUp.id()).update();
		if (followUp.ownerId() != null && !ownerAlreadyTold) {
			this.notifications.notify(followUp.ownerId(), NotificationKind.FOLLOW_UP_REPLY, memberId,
					url(followUp.id()), label(followUp));
		}
	}

	private void contacted(Viewer viewer, FollowUp followUp, FollowUpEventKind kind, String text) {
		Timestamp now = now();
		this.jdbc
			.sql("UPDATE follow_up SET contacted_at = COALESCE(contacted_at, ?), "
					+ "status = CASE WHEN status = 'OPEN' THEN 'CONTACTED' ELSE status END, "
					+ "owner_id = COALESCE(owner_id, ?) WHERE id = ?")
			.params(now, viewer.memberId(), followUp.id())
			.update();
		event(followUp.id(), kind, viewer.memberId(), text);
	}

	private FollowUp lockForChange(Viewer viewer, long id) {
		requireStaff(viewer);
		return this.jdbc.sql(SELECT + " WHERE f.id = ? FOR UPDATE")
			.param(id)
			.query(FollowUps::row)
			.optional()
			.orElseThrow(() -> new RejectedException("followUp", "followup.notFound"));
	}

	void event(long followUpId, FollowUpEventKind kind, Long actorId, String body) {
		this.jdbc
			.sql("INSERT INTO follow_up_event (follow_up_id, kind, actor_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(followUpId, kind.name(), actorId, body, now())
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	static String url(long id) {
		return "/staff/follow-ups/" + id;
	}

	private static String label(FollowUp followUp) {
		if (followUp.source() == FollowUpSource.POST) {
			return (followUp.topicTitle() != null) ? followUp.topicTitle() : "#" + followUp.id();
		}
		return (followUp.surveyName() != null) ? followUp.surveyName() : "#" + followUp.id();
	}

	private static AuditTarget target(FollowUp followUp) {
		return AuditTarget.followUp(followUp.id(), label(followUp), followUp.memberId());
	}

	private static void checkLength(String text, int max, String field, String key) {
		if (text.codePointCount(0, text.length()) > max) {
			throw new RejectedException(field, key);
		}
	}

	static void requireStaff(Viewer viewer) {
		if (viewer == null || !viewer.isStaff()) {
			throw new AccessDeniedException("Staff only");
		}
	}

	static FollowUp row(ResultSet rs, int n) throws SQLException {
		return new FollowUp(rs.getLong("id"), FollowUpSource.valueOf(rs.getString("source")),
				rs.getObject("response_id", Long.class), rs.getObject("survey_id", Long.class),
				rs.getString("survey_name"), rs.getObject("post_id", Long.class), rs.getObject("topic_id", Long.class),
				rs.getObject("post_number", Integer.class), rs.getString("title"),
				rs.getObject("member_id", Long.class), rs.getString("username"), rs.getString("contact_email"),
				rs.getObject("score", Integer.class), rs.getObject("sentiment_score", Double.class),
				rs.getString("excerpt"), FollowUpStatus.valueOf(rs.getString("status")),
				rs.getObject("owner_id", Long.class), rs.getString("owner_username"), instant(rs, "due_at"),
				instant(rs, "created_at"), instant(rs, "contacted_at"), instant(rs, "closed_at"),
				rs.getObject("conversation_id", Long.class), instant(rs, "last_reply_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}

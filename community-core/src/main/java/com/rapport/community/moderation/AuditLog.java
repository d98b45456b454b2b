package com.rapport.community.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of every moderator and staff action: who, when, what, on what,
 * why, and the text before and after an edit. Nothing here updates or deletes an entry,
 * except {@link #redactMember} which blanks a member's personal data inside entries and
 * keeps the entries.
 */
@Service
public class AuditLog {

	/** Entries per page of the log. */
	public static final int PAGE_SIZE = 50;

	static final int REASON_MAX = 1000;

	private static final int LABEL_MAX = 255;

	private static final String REDACTED = "[redacted]";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends an entry, in the transaction of the action it records: when the action
	 * rolls back, so does its entry.
	 * @param actor who acted
	 * @param action what was done, lower case with dots ({@code topic.close})
	 * @param target what it was done to
	 * @param reason why, or null
	 * @param before the text before an edit, or null
	 * @param after the text after an edit, or null
	 * @return the entry's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long record(Viewer actor, String action, AuditTarget target, String reason, String before, String after) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO audit_log (actor_id, actor_username, action, target_type, target_id, target_label,
				                       subject_member_id, reason, before_text, after_text, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(actor.memberId(), actor.username(), action, target.type(), target.id(),
					cut(target.label(), LABEL_MAX), target.subjectMemberId(), cut(reason, REASON_MAX), before, after,
					Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Appends an entry for something the portal did by itself (a member promoted by their
	 * activity): no actor.
	 * @param action what was done
	 * @param target what it was done to
	 * @param before the value before, or null
	 * @param after the value after, or null
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSystem(String action, AuditTarget target, String before, String after) {
		this.jdbc.sql("""
				INSERT INTO audit_log (action, target_type, target_id, target_label, subject_member_id,
				                       before_text, after_text, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(action, target.type(), target.id(), cut(target.label(), LABEL_MAX), target.subjectMemberId(),
					before, after, Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * One page of entries, newest first.
	 * @param query filters
	 * @param before null for the first page, else the previous page's
	 * {@link AuditPage#nextBefore()}
	 * @return the page
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public AuditPage page(AuditQuery query, Long before) {
		List<AuditEntry> entries = new ArrayList<>(select(query, before, PAGE_SIZE + 1));
		Long next = null;
		if (entries.size() > PAGE_SIZE) {
			entries = entries.subList(0, PAGE_SIZE);
			next = entries.get(PAGE_SIZE - 1).id();
		}
		return new AuditPage(entries, next);
	}

	/**
	 * Every entry that matches, newest first, read in batches so that an export of a
	 * million entries holds neither a long transaction nor the whole list in memory.
	 * @param query filters
	 * @param each called with each entry
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
		Long before = null;
		while (true) {
			List<AuditEntry> batch = select(query, before, 1000);
			batch.forEach(each);
			if (batch.size() < 1000) {
				return;
			}
			before = batch.get(batch.size() - 1).id();
		}
	}

	/**
	 * The entries about one member (sanctions, their posts hidden or deleted, flags),
	 * newest first.
	 * @param memberId the member
	 * @param limit how many
	 * @return entries
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public List<AuditEntry> about(long memberId, int limit) {
		return this.jdbc.sql("SELECT * FROM audit_log WHERE subject_member_id = ? ORDER BY id DESC LIMIT ?")
			.params(memberId, limit)
			.query(AuditLog::entry)
			.list();
	}

	/**
	 * The actions found in the log, for the filter.
	 * @return action names, sorted
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public List<String> actions() {
		// a loose index scan of ix_audit_log_action: one read per distinct action
		return this.jdbc.sql("SELECT action FROM audit_log GROUP BY action ORDER BY action").query(String.class).list();
	}

	/**
	 * Removes a member's personal data from the log for a privacy deletion: their
	 * username where they acted, and the labels, texts and their name inside reasons of
	 * the entries about them. The entries themselves stay.
	 * @param by the staff member
	 * @param memberId the member
	 * @return how many entries were redacted
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public int redactMember(Viewer by, long memberId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Optional<String> username = this.jdbc.sql("SELECT username FROM member WHERE id = ?")
			.param(memberId)
			.query(String.class)
			.optional();
		int changed = this.jdbc.sql("""
				UPDATE audit_log SET actor_username = NULL, redacted_at = COALESCE(redacted_at, ?)
				WHERE actor_id = ? AND actor_username IS NOT NULL
				""").params(now, memberId).update();
		String name = username.orElse(REDACTED);
		changed += this.jdbc.sql("""
				UPDATE audit_log SET target_label = NULL, before_text = NULL, after_text = NULL,
				       reason = REPLACE(reason, ?, ?), redacted_at = COALESCE(redacted_at, ?)
				WHERE subject_member_id = ? AND (redacted_at IS NULL OR target_label IS NOT NULL
				      OR before_text IS NOT NULL OR after_text IS NOT NULL)
				""").params(name, REDACTED, now, memberId).update();
		record(by, "member.redact", new AuditTarget(AuditTarget.MEMBER, memberId, null, null), null, null, null);
		return changed;
	}

	private List<AuditEntry> select(AuditQuery query, Long before, int limit) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (AuditQuery.given(query.actor())) {
			Optional<Long> actorId = this.jdbc.sql("SELECT id FROM member WHERE username = ?")
				.param(query.actor().strip())
				.query(Long.class)
				.optional();
			if (actorId.isEmpty()) {
				return List.of();
			}
			where.append(" AND actor_id = ?");
			params.add(actorId.get());
		}
		if (AuditQuery.given(query.action())) {
			where.append(" AND action = ?");
			params.add(query.action().strip());
		}
		if (AuditQuery.given(query.targetType())) {
			where.append(" AND target_type = ?");
			params.add(query.targetType().strip());
			if (query.targetId() != null) {
				where.append(" AND target_id = ?");
				params.add(query.targetId());
			}
		}
		// dates become id bounds (ids grow with time), so each filter's (column, id)
		// index serves the page without reading the rows of other days
		if (query.from() != null) {
			Optional<Long> first = firstIdFrom(query.from());
			if (first.isEmpty()) {
				return List.of();
			}
			where.append(" AND id >= ? AND created_at >= ?");
			params.add(first.get());
			params.add(startOf(query.from()));
		}
		if (query.to() != null) {
			Optional<Long> end = firstIdFrom(query.to().plusDays(1));
			if (end.isPresent()) {
				where.append(" AND id < ?");
				params.add(end.get());
			}
			where.append(" AND created_at < ?");
			params.add(startOf(query.to().plusDays(1)));
		}
		if (before != null) {
			where.append(" AND id < ?");
			params.add(before);
		}
		params.add(limit);
		return this.jdbc.sql("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ?")
			.params(params)
			.query(AuditLog::entry)
			.list();
	}

	private Optional<Long> firstIdFrom(LocalDate day) {
		return this.jdbc.sql("SELECT id FROM audit_log WHERE created_at >= ? ORDER BY created_at, id LIMIT 1")
			.param(startOf(day))
			.query(Long.class)
			.optional();
	}

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		long actor = rs.getLong("actor_id");
		Long actorId = rs.wasNull() ? null : actor;
		long target = rs.getLong("target_id");
		Long targetId = rs.wasNull() ? null : target;
		Instant created = rs.getTimestamp("created_at").toInstant();
		return new AuditEntry(rs.getLong("id"), actorId, rs.getString("actor_username"), rs.getString("action"),
				rs.getString("target_type"), targetId, rs.getString("target_label"), rs.getString("reason"),
				rs.getString("before_text"), rs.getString("after_text"), created,
				rs.getTimestamp("redacted_at") != null);
	}

	/**
	 * A page of the audit log.
	 *
	 * @param entries newest first
	 * @param nextBefore where the next page starts, or null on the last page
	 */
	public record AuditPage(List<AuditEntry> entries, Long nextBefore) {

		public AuditPage {
			entries = List.copyOf(entries);
		}

	}

}

package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reply templates the moderators share. {@code {member}} and {@code {topic}} in a
 * template are replaced by the member's name and the topic's title when it is used.
 */
@Service
public class CannedReplies {

	public static final int TITLE_MAX = 100;

	public static final int BODY_MAX = 4000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	CannedReplies(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public List<CannedReply> all() {
		return this.jdbc.sql("SELECT id, title, body FROM canned_reply ORDER BY title")
			.query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public Optional<CannedReply> find(long id) {
		return this.jdbc.sql("SELECT id, title, body FROM canned_reply WHERE id = ?")
			.param(id)
			.query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public long create(Viewer viewer, String title, String body) {
		ModerationGuard.requireModerator(viewer);
		String checkedTitle = checked(title, TITLE_MAX, "title");
		String checkedBody = checked(body, BODY_MAX, "body");
		Timestamp now = Timestamp.from(this.clock.instant());
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		try {
			this.jdbc.sql(
					"INSERT INTO canned_reply (title, body, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
				.params(checkedTitle, checkedBody, viewer.memberId(), now, now)
				.update(keys);
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("title", "mod.canned.titleTaken");
		}
		long id = keys.getKeyAs(Number.class).longValue();
		this.audit.record(viewer, "canned.create", AuditTarget.cannedReply(id, checkedTitle), null, null, checkedBody);
		return id;
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void update(Viewer viewer, long id, String title, String body) {
		ModerationGuard.requireModerator(viewer);
		CannedReply before = lock(id);
		String checkedTitle = checked(title, TITLE_MAX, "title");
		String checkedBody = checked(body, BODY_MAX, "body");
		if (before.title().equals(checkedTitle) && before.body().equals(checkedBody)) {
			throw new RejectedException("body", "mod.canned.unchanged");
		}
		try {
			this.jdbc.sql("UPDATE canned_reply SET title = ?, body = ?, updated_at = ? WHERE id = ?")
				.params(checkedTitle, checkedBody, Timestamp.from(this.clock.instant()), id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("title", "mod.canned.titleTaken");
		}
		this.audit.record(viewer, "canned.update", AuditTarget.cannedReply(id, checkedTitle), null, before.body(),
				checkedBody);
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void delete(Viewer viewer, long id) {
		ModerationGuard.requireModerator(viewer);
		CannedReply before = lock(id);
		this.jdbc.sql("DELETE FROM canned_reply WHERE id = ?").param(id).update();
		this.audit.record(viewer, "canned.delete", AuditTarget.cannedReply(id, before.title()), null, before.body(),
				null);
	}

	private CannedReply lock(long id) {
		return this.jdbc.sql("SELECT id, title, body FROM canned_reply WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new RejectedException("reply", "mod.canned.notFound"));
	}

	private static String checked(String text, int max, String field) {
		String value = (text != null) ? text.strip() : "";
		int length = value.codePointCount(0, value.length());
		if (length == 0 || length > max) {
			throw new RejectedException(field, "mod.canned." + field + ".length");
		}
		return value;
	}

	/**
	 * A reply template.
	 *
	 * @param id the template
	 * @param title its name in the list
	 * @param body the text with {@code {member}} and {@code {topic}} placeholders
	 */
	public record CannedReply(long id, String title, String body) {

		/**
		 * The text with the placeholders filled in (plain replacement: nothing in the
		 * names is interpreted).
		 * @param member the member's name
		 * @param topic the topic's title
		 * @return the reply text
		 */
		public String fill(String member, String topic) {
			return this.body.replace("{member}", (member != null) ? member : "")
				.replace("{topic}", (topic != null) ? topic : "");
		}

	}

}

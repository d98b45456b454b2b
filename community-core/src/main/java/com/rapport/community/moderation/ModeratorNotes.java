package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private notes moderators keep about a member; the member never sees them.
 */
@Service
public class ModeratorNotes {

	public static final int BODY_MAX = 2000;

	private final JdbcClient jdbc;

	private final MemberService members;

	private final AuditLog audit;

	private final Clock clock;

	ModeratorNotes(JdbcClient jdbc, MemberService members, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public long add(Viewer viewer, long memberId, String body) {
		ModerationGuard.requireModerator(viewer);
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> new RejectedException("member", "mod.member.notFound"));
		String text = (body != null) ? body.strip() : "";
		int length = text.codePointCount(0, text.length());
		if (length == 0 || length > BODY_MAX) {
			throw new RejectedException("body", "mod.note.length");
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO moderator_note (member_id, author_id, body, created_at) VALUES (?, ?, ?, ?)")
			.params(memberId, viewer.memberId(), text, Timestamp.from(this.clock.instant()))
			.update(keys);
		// the note itself stays private to the notes; the log says one was written
		this.audit.record(viewer, "member.note", AuditTarget.member(member.id(), member.username()), null, null, null);
		return keys.getKeyAs(Number.class).longValue();
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public List<Note> of(long memberId) {
		return this.jdbc.sql("""
				SELECT n.id, m.username, n.body, n.created_at FROM moderator_note n
				LEFT JOIN member m ON m.id = n.author_id WHERE n.member_id = ? ORDER BY n.id DESC
				""")
			.param(memberId)
			.query((rs, i) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * A note.
	 *
	 * @param id the note
	 * @param author the moderator who wrote it
	 * @param body the text
	 * @param createdAt when
	 */
	public record Note(long id, String author, String body, Instant createdAt) {
	}

}

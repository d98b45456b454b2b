package com.rapport.community.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.Sanction.Kind;
import com.rapport.community.topic.ParticipationGuard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silencing (read-only) and suspending (cannot log in) members for a time, with a reason
 * the member sees, and lifting a sanction early. As a {@link ParticipationGuard} it
 * refuses topics, replies, edits, reactions and flags of a silenced or suspended member.
 */
@Service
public class Sanctions implements ParticipationGuard {

	/** The longest sanction: ten years stands for "until further notice". */
	public static final Duration LONGEST = Duration.ofDays(3660);

	private static final String SELECT = """
			SELECT s.id, s.member_id, s.kind, s.reason, s.starts_at, s.ends_at, c.username AS created_by,
			       s.lifted_at, l.username AS lifted_by
			FROM member_sanction s
			LEFT JOIN member c ON c.id = s.created_by
			LEFT JOIN member l ON l.id = s.lifted_by
			""";

	private final JdbcClient jdbc;

	private final MemberService members;

	private final AuditLog audit;

	private final Clock clock;

	Sanctions(JdbcClient jdbc, MemberService members, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Silences a member: they read but cannot post, react or flag until {@code until}.
	 * @param viewer a moderator
	 * @param memberId the member
	 * @param until when it ends
	 * @param reason why, shown to the member
	 * @return the sanction's id
	 * @throws RejectedException when the member is staff (or a moderator, for a
	 * moderator), already silenced, or the input is not acceptable
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public long silence(Viewer viewer, long memberId, Instant until, String reason) {
		return impose(viewer, memberId, Kind.SILENCE, until, reason);
	}

	/**
	 * Suspends a member: they cannot log in until {@code until}; their sessions and
	 * remembered logins stop working at their next request.
	 * @param viewer a moderator
	 * @param memberId the member
	 * @param until when it ends
	 * @param reason why, shown to the member
	 * @return the sanction's id
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public long suspend(Viewer viewer, long memberId, Instant until, String reason) {
		long id = impose(viewer, memberId, Kind.SUSPEND, until, reason);
		String username = this.jdbc.sql("SELECT username FROM member WHERE id = ?")
			.param(memberId)
			.query(String.class)
			.single();
		this.jdbc.sql("DELETE FROM persistent_logins WHERE username = ?").param(username).update();
		return id;
	}

	/**
	 * Ends a sanction early.
	 * @param viewer a moderator
	 * @param sanctionId the sanction
	 * @param reason why, or null
	 * @throws RejectedException {@code mod.sanction.notActive} when it was lifted already
	 * or is over: nothing changes
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void lift(Viewer viewer, long sanctionId, String reason) {
		ModerationGuard.requireModerator(viewer);
		Sanction sanction = this.jdbc.sql(SELECT + " WHERE s.id = ? FOR UPDATE")
			.param(sanctionId)
			.query(Sanctions::sanction)
			.optional()
			.orElseThrow(() -> new RejectedException("sanction", "mod.sanction.notFound"));
		Member member = this.members.findById(sanction.memberId())
			.orElseThrow(() -> new RejectedException("sanction", "mod.sanction.notFound"));
		ModerationGuard.requireMayActOn(viewer, member);
		String why = ModerationGuard.checkedReason(reason, false);
		Instant now = this.clock.instant();
		if (!sanction.activeAt(now)) {
			throw new RejectedException("sanction", "mod.sanction.notActive");
		}
		this.jdbc.sql("UPDATE member_sanction SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL")
			.params(Timestamp.from(now), viewer.memberId(), sanctionId)
			.update();
		this.audit.record(viewer, (sanction.kind() == Kind.SILENCE) ? "member.unsilence" : "member.unsuspend",
				AuditTarget.member(member.id(), member.username()), why, null, null);
	}

	/**
	 * The sanctions in force for a member.
	 * @param memberId the member
	 * @return silence and suspension, each possibly absent
	 */
	@Transactional(readOnly = true)
	public ActiveSanctions active(long memberId) {
		Instant now = this.clock.instant();
		List<Sanction> active = this.jdbc
			.sql(SELECT + " WHERE s.member_id = ? AND s.ends_at > ? AND s.lifted_at IS NULL ORDER BY s.ends_at DESC")
			.params(memberId, Timestamp.from(now))
			.query(Sanctions::sanction)
			.list();
		Sanction silence = null;
		Sanction suspension = null;
		for (Sanction sanction : active) {
			if (!sanction.activeAt(now)) {
				continue;
			}
			if (sanction.kind() == Kind.SILENCE && silence == null) {
				silence = sanction;
			}
			else if (sanction.kind() == Kind.SUSPEND && suspension == null) {
				suspension = sanction;
			}
		}
		return (silence == null && suspension == null) ? ActiveSanctions.NONE
				: new ActiveSanctions(silence, suspension);
	}

	public boolean isSilenced(long memberId) {
		return active(memberId).silence() != null;
	}

	public boolean isSuspended(long memberId) {
		return active(memberId).suspension() != null;
	}

	/**
	 * Every sanction of a member, newest first.
	 * @param memberId the member
	 * @return sanctions, active or not
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional(readOnly = true)
	public List<Sanction> history(long memberId) {
		return this.jdbc.sql(SELECT + " WHERE s.member_id = ? ORDER BY s.id DESC")
			.param(memberId)
			.query(Sanctions::sanction)
			.list();
	}

	@Override
	public void check(Viewer viewer, Participation action) {
		if (viewer.isAnonymous()) {
			return;
		}
		ActiveSanctions active = active(viewer.memberId());
		if (active.suspension() != null) {
			throw new RejectedException("body", "mod.suspended.refused");
		}
		if (active.silence() != null) {
			throw new RejectedException("body", "mod.silenced.refused");
		}
	}

	private long impose(Viewer viewer, long memberId, Kind kind, Instant until, String reason) {
		ModerationGuard.requireModerator(viewer);
		// lock the member row: two moderators sanctioning at once get one sanction
		this.jdbc.sql("SELECT id FROM member WHERE id = ? FOR UPDATE")
			.param(memberId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RejectedException("member", "mod.member.notFound"));
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> new RejectedException("member", "mod.member.notFound"));
		ModerationGuard.requireMayActOn(viewer, member);
		String why = ModerationGuard.checkedReason(reason, true);
		Instant now = this.clock.instant();
		if (until == null || !until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
			throw new RejectedException("until", "mod.sanction.until");
		}
		ActiveSanctions active = active(memberId);
		if ((kind == Kind.SILENCE) ? active.silence() != null : active.suspension() != null) {
			throw new RejectedException("member",
					(kind == Kind.SILENCE) ? "mod.sanction.alreadySilenced" : "mod.sanction.alreadySuspended");
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO member_sanction (member_id, kind, reason, starts_at, ends_at, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(memberId, kind.name(), why, Timestamp.from(now), Timestamp.from(until), viewer.memberId())
			.update(keys);
		this.audit.record(viewer, (kind == Kind.SILENCE) ? "member.silence" : "member.suspend",
				AuditTarget.member(member.id(), member.username()), why, null, "until " + until);
		return keys.getKeyAs(Number.class).longValue();
	}

	private static Sanction sanction(ResultSet rs, int row) throws SQLException {
		Timestamp lifted = rs.getTimestamp("lifted_at");
		return new Sanction(rs.getLong("id"), rs.getLong("member_id"), Kind.valueOf(rs.getString("kind")),
				rs.getString("reason"), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getString("created_by"),
				(lifted != null) ? lifted.toInstant() : null, rs.getString("lifted_by"));
	}

}

package com.rapport.community.moderation;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators set a member's trust level (0 new … 4 leader) by hand; the level decides
 * what the review rules let a member do.
 */
@Service
public class TrustLevels {

	public static final int MAX = 4;

	private final JdbcClient jdbc;

	private final MemberService members;

	private final AuditLog audit;

	TrustLevels(JdbcClient jdbc, MemberService members, AuditLog audit) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void set(Viewer viewer, long memberId, int level) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> new RejectedException("member", "mod.member.notFound"));
		ModerationGuard.requireMayActOn(viewer, member);
		if (level < 0 || level > MAX) {
			throw new RejectedException("trustLevel", "mod.trust.range");
		}
		int changed = this.jdbc
			.sql("UPDATE member SET trust_level = ?, version = version + 1 WHERE id = ? AND trust_level <> ?")
			.params(level, memberId, level)
			.update();
		if (changed == 0) {
			throw new RejectedException("trustLevel", "mod.trust.unchanged");
		}
		this.audit.record(viewer, "member.trust_level", AuditTarget.member(member.id(), member.username()), null,
				Integer.toString(member.trustLevel()), Integer.toString(level));
	}

}

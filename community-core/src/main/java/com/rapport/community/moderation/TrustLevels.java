package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import com.rapport.db.cluster.RunOnce;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trust levels (0 new … 4 leader) decide what the review rules let a member do. A new
 * member reaches level 1 by themself after a few days and a few posts that stayed up;
 * moderators set any level by hand.
 */
@Service
public class TrustLevels {

	public static final int MAX = 4;

	private final JdbcClient jdbc;

	private final MemberService members;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration promoteAfter;

	private final int promoteMinPosts;

	TrustLevels(JdbcClient jdbc, MemberService members, AuditLog audit, Clock clock,
			@Value("${rapport.moderation.trust.promote-after:3d}") Duration promoteAfter,
			@Value("${rapport.moderation.trust.promote-min-posts:3}") int promoteMinPosts) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
		this.promoteAfter = promoteAfter;
		this.promoteMinPosts = promoteMinPosts;
	}

	/**
	 * Raises to level 1 the members at level 0 who joined long enough ago, wrote enough
	 * posts that are neither deleted nor hidden, and are not sanctioned now. One
	 * idempotent update: every node may run it.
	 * @return how many members were promoted
	 */
	/** Promotes on one node of the cluster each interval. */
	@Scheduled(fixedDelayString = "${rapport.moderation.trust.promote-interval:10m}")
	@RunOnce(value = "trust-promotion", every = "${rapport.moderation.trust.promote-interval:10m}")
	public void scheduledPromotion() {
		promoteNewMembers();
	}

	@Transactional
	public int promoteNewMembers() {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				UPDATE member m SET m.trust_level = 1, m.version = m.version + 1
				WHERE m.trust_level = 0 AND m.email_verified_at IS NOT NULL AND m.created_at <= ?
				  AND (SELECT COUNT(*) FROM post p WHERE p.author_id = m.id
				       AND p.deleted_at IS NULL AND p.hidden_at IS NULL) >= ?
				  AND NOT EXISTS (SELECT 1 FROM member_sanction s WHERE s.member_id = m.id
				       AND s.lifted_at IS NULL AND s.ends_at > ?)
				""")
			.params(Timestamp.from(this.clock.instant().minus(this.promoteAfter)), this.promoteMinPosts, now)
			.update();
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

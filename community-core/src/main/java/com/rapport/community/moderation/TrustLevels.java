package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trust levels (0 new … 4 leader) decide what the review rules let a member do. A new
 * member reaches level 1 by themself after a few days and a few posts that stayed up,
 * level 2 and 3 by their activity (days visited, posts read, replies, likes received,
 * with thresholds in properties); moderators set any level by hand, which locks it: the
 * activity then neither raises it nor lowers it until a moderator unlocks it. Levels are
 * never lowered automatically. Each promotion is written to the audit log without an
 * actor and announced as {@link TrustLevelRaised}.
 */
@Service
public class TrustLevels {

	public static final int MAX = 4;

	private static final String ACTION = "member.trust_level";

	private final JdbcClient jdbc;

	private final MemberService members;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Duration promoteAfter;

	private final int promoteMinPosts;

	private final TrustRequirements level2;

	private final TrustRequirements level3;

	TrustLevels(JdbcClient jdbc, MemberService members, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			@Value("${rapport.moderation.trust.promote-after:3d}") Duration promoteAfter,
			@Value("${rapport.moderation.trust.promote-min-posts:3}") int promoteMinPosts,
			@Value("${rapport.moderation.trust.level2.days-visited:15}") int days2,
			@Value("${rapport.moderation.trust.level2.posts-read:100}") int read2,
			@Value("${rapport.moderation.trust.level2.replies:3}") int replies2,
			@Value("${rapport.moderation.trust.level2.likes-received:1}") int likes2,
			@Value("${rapport.moderation.trust.level3.days-visited:50}") int days3,
			@Value("${rapport.moderation.trust.level3.posts-read:500}") int read3,
			@Value("${rapport.moderation.trust.level3.replies:10}") int replies3,
			@Value("${rapport.moderation.trust.level3.likes-received:20}") int likes3) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.promoteAfter = promoteAfter;
		this.promoteMinPosts = promoteMinPosts;
		this.level2 = new TrustRequirements(days2, read2, replies2, likes2);
		this.level3 = new TrustRequirements(days3, read3, replies3, likes3);
	}

	/**
	 * @param level the level a member is at (1 or 2)
	 * @return what they need to reach the next one, or null when activity does not raise
	 * it
	 */
	public TrustRequirements requirementsAbove(int level) {
		return switch (level) {
			case 1 -> this.level2;
			case 2 -> this.level3;
			default -> null;
		};
	}

	/**
	 * Raises every member whose activity earned it, level by level: 0 to 1, 1 to 2, 2 to
	 * 3. Each member is raised by one conditional update; one node of the cluster runs it
	 * each interval.
	 * @return how many promotions were made
	 */
	@Transactional
	public int promoteByActivity() {
		return promoteNewMembers() + promote(1, this.level2) + promote(2, this.level3);
	}

	/**
	 * Raises to level 1 the members at level 0 who joined long enough ago, wrote enough
	 * posts that are neither deleted nor hidden, and are not sanctioned now.
	 * @return how many members were promoted
	 */
	@Transactional
	public int promoteNewMembers() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Member> candidates = this.jdbc.sql("""
				SELECT m.id FROM member m
				WHERE m.trust_level = 0 AND m.trust_level_locked = 0 AND m.email_verified_at IS NOT NULL
				  AND m.created_at <= ?
				  AND (SELECT COUNT(*) FROM post p WHERE p.author_id = m.id
				       AND p.deleted_at IS NULL AND p.hidden_at IS NULL) >= ?
				  AND NOT EXISTS (SELECT 1 FROM member_sanction s WHERE s.member_id = m.id
				       AND s.lifted_at IS NULL AND s.ends_at > ?)
				""")
			.params(Timestamp.from(this.clock.instant().minus(this.promoteAfter)), this.promoteMinPosts, now)
			.query(Long.class)
			.list()
			.stream()
			.flatMap((id) -> this.members.findById(id).stream())
			.toList();
		return raise(candidates, 0);
	}

	private int promote(int from, TrustRequirements needs) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Member> candidates = this.jdbc.sql("""
				SELECT m.id FROM member m
				WHERE m.trust_level = ? AND m.trust_level_locked = 0
				  AND m.days_visited >= ? AND m.likes_received >= ?
				  AND NOT EXISTS (SELECT 1 FROM member_sanction s WHERE s.member_id = m.id
				       AND s.lifted_at IS NULL AND s.ends_at > ?)
				  AND (SELECT COUNT(*) FROM post p WHERE p.author_id = m.id AND p.post_number > 1
				       AND p.deleted_at IS NULL AND p.hidden_at IS NULL) >= ?
				  AND (SELECT COALESCE(SUM(tm.last_read_post_number), 0) FROM topic_member tm
				       WHERE tm.member_id = m.id) >= ?
				""")
			.params(from, needs.daysVisited(), needs.likesReceived(), now, needs.replies(), needs.postsRead())
			.query(Long.class)
			.list()
			.stream()
			.flatMap((id) -> this.members.findById(id).stream())
			.toList();
		return raise(candidates, from);
	}

	private int raise(List<Member> candidates, int from) {
		int raised = 0;
		for (Member member : candidates) {
			int changed = this.jdbc.sql("""
					UPDATE member SET trust_level = ?, version = version + 1
					WHERE id = ? AND trust_level = ? AND trust_level_locked = 0
					""").params(from + 1, member.id(), from).update();
			if (changed == 1) {
				raised++;
				this.audit.recordSystem(ACTION, AuditTarget.member(member.id(), member.username()),
						Integer.toString(from), Integer.toString(from + 1));
				this.events.publishEvent(new TrustLevelRaised(member.id(), from + 1));
			}
		}
		return raised;
	}

	/**
	 * Sets a member's level by hand and locks it against changes by activity.
	 * @param viewer the moderator
	 * @param memberId the member
	 * @param level the new level
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void set(Viewer viewer, long memberId, int level) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> new RejectedException("member", "mod.member.notFound"));
		ModerationGuard.requireMayActOn(viewer, member);
		if (level < 0 || level > MAX) {
			throw new RejectedException("trustLevel", "mod.trust.range");
		}
		int changed = this.jdbc.sql("""
				UPDATE member SET trust_level = ?, trust_level_locked = 1, version = version + 1
				WHERE id = ? AND trust_level <> ?
				""").params(level, memberId, level).update();
		if (changed == 0) {
			throw new RejectedException("trustLevel", "mod.trust.unchanged");
		}
		this.audit.record(viewer, ACTION, AuditTarget.member(member.id(), member.username()), null,
				Integer.toString(member.trustLevel()), Integer.toString(level));
	}

	/**
	 * Lets activity raise a member's level again after a moderator set it by hand.
	 * @param viewer the moderator
	 * @param memberId the member
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void unlock(Viewer viewer, long memberId) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> new RejectedException("member", "mod.member.notFound"));
		ModerationGuard.requireMayActOn(viewer, member);
		int changed = this.jdbc.sql(
				"UPDATE member SET trust_level_locked = 0, version = version + 1 WHERE id = ? AND trust_level_locked = 1")
			.param(memberId)
			.update();
		if (changed == 0) {
			throw new RejectedException("trustLevel", "mod.trust.notLocked");
		}
		this.audit.record(viewer, "member.trust_unlock", AuditTarget.member(member.id(), member.username()), null, null,
				null);
	}

	/**
	 * @param memberId the member
	 * @return whether a moderator set the member's level by hand
	 */
	public boolean isLocked(long memberId) {
		return this.jdbc.sql("SELECT trust_level_locked FROM member WHERE id = ?")
			.param(memberId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}

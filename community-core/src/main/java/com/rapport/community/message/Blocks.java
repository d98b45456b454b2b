package com.rapport.community.message;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members a member does not want private messages from. Moderators and staff cannot be
 * blocked: their messages about the community must arrive.
 */
@Service
public class Blocks {

	private final JdbcClient jdbc;

	private final MemberService members;

	private final Clock clock;

	Blocks(JdbcClient jdbc, MemberService members, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.clock = clock;
	}

	/**
	 * Stops a member from sending the viewer private messages.
	 * @param viewer who blocks
	 * @param username whom
	 * @throws RejectedException for oneself, an unknown member, a moderator or staff
	 */
	@Transactional
	public void block(Viewer viewer, String username) {
		Member blocked = other(viewer, username);
		if (blocked.has(Role.MODERATOR)) {
			throw new RejectedException("username", "block.notModerators");
		}
		this.jdbc
			.sql("INSERT INTO member_block (blocker_id, blocked_id, created_at) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE created_at = created_at")
			.params(viewer.memberId(), blocked.id(), Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Lets a blocked member send the viewer messages again.
	 * @param viewer who unblocks
	 * @param username whom
	 */
	@Transactional
	public void unblock(Viewer viewer, String username) {
		Member blocked = other(viewer, username);
		this.jdbc.sql("DELETE FROM member_block WHERE blocker_id = ? AND blocked_id = ?")
			.params(viewer.memberId(), blocked.id())
			.update();
	}

	/**
	 * Whether one member blocked another.
	 * @param blockerId who may have blocked
	 * @param blockedId who may be blocked
	 * @return true when messages from blockedId to blockerId are refused
	 */
	public boolean isBlocked(long blockerId, long blockedId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member_block WHERE blocker_id = ? AND blocked_id = ?")
			.params(blockerId, blockedId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The members the viewer blocked, by name.
	 * @param viewer whose blocks
	 * @return usernames in alphabetical order
	 */
	public List<String> blockedBy(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT u.username FROM member_block b JOIN member u ON u.id = b.blocked_id WHERE b.blocker_id = ? "
					+ "ORDER BY u.username")
			.param(viewer.memberId())
			.query(String.class)
			.list();
	}

	private Member other(Viewer viewer, String username) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("username", "topic.loginRequired");
		}
		Member member = this.members.findByUsername((username != null) ? username : "")
			.orElseThrow(() -> new RejectedException("username", "message.to.unknown"));
		if (member.id() == viewer.memberId()) {
			throw new RejectedException("username", "block.notSelf");
		}
		return member;
	}

}

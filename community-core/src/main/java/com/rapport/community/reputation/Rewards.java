package com.rapport.community.reputation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Points;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rewards catalogue staff keep, members' redemptions, and points staff grant for
 * contributions outside the forum. A redemption takes one item of stock and the reward's
 * cost in points with two conditional updates in one transaction: when either finds too
 * little, nothing is changed, so neither stock nor points go below zero however many
 * members redeem at once.
 */
@Service
public class Rewards {

	static final int NAME_MAX = 80;

	static final int DESCRIPTION_MAX = 500;

	static final int REASON_MAX = 255;

	static final int MAX_POINTS = 1_000_000;

	private static final String REWARD = "REWARD";

	private static final String SELECT_REDEMPTION = """
			SELECT r.id, w.name, m.username, r.cost, r.created_at, r.fulfilled_at, f.username AS fulfilled_by
			FROM reward_redemption r JOIN reward w ON w.id = r.reward_id JOIN member m ON m.id = r.member_id
			LEFT JOIN member f ON f.id = r.fulfilled_by
			""";

	private final JdbcClient jdbc;

	private final Points points;

	private final MemberService members;

	private final AuditLog audit;

	private final Clock clock;

	Rewards(JdbcClient jdbc, Points points, MemberService members, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.points = points;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the rewards members may redeem, cheapest first
	 */
	public List<Reward> catalogue() {
		return this.jdbc.sql("SELECT * FROM reward WHERE active = 1 ORDER BY cost, id").query(Rewards::reward).list();
	}

	/**
	 * @return every reward, for staff
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<Reward> all() {
		return this.jdbc.sql("SELECT * FROM reward ORDER BY active DESC, cost, id").query(Rewards::reward).list();
	}

	/**
	 * Adds a reward to the catalogue.
	 * @param viewer the staff member
	 * @param name what it is
	 * @param description more about it, or null
	 * @param cost its cost in points
	 * @param stock how many there are
	 * @return its id
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public long create(Viewer viewer, String name, String description, int cost, int stock) {
		String cleanName = (name != null) ? name.strip() : "";
		String cleanDescription = (description != null && !description.isBlank()) ? description.strip() : null;
		check(cleanName, cleanDescription, cost, stock);
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO reward (name, description, cost, stock, active, created_at) VALUES (?, ?, ?, ?, 1, ?)")
			.params(cleanName, cleanDescription, cost, stock, Timestamp.from(this.clock.instant()))
			.update(keys);
		long id = keys.getKeyAs(Number.class).longValue();
		this.audit.record(viewer, "reward.create", new AuditTarget(REWARD, id, cleanName, null), null, null,
				cost + " / " + stock);
		return id;
	}

	/**
	 * Changes a reward's cost, stock and whether members see it.
	 * @param viewer the staff member
	 * @param id the reward
	 * @param cost its cost in points
	 * @param stock how many there are
	 * @param active whether members see it
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void update(Viewer viewer, long id, int cost, int stock, boolean active) {
		Reward before = find(id);
		check(before.name(), before.description(), cost, stock);
		this.jdbc.sql("UPDATE reward SET cost = ?, stock = ?, active = ? WHERE id = ?")
			.params(cost, stock, active, id)
			.update();
		this.audit.record(viewer, "reward.update", new AuditTarget(REWARD, id, before.name(), null), null,
				before.cost() + " / " + before.stock() + (before.active() ? "" : " (off)"),
				cost + " / " + stock + (active ? "" : " (off)"));
	}

	/**
	 * Redeems a reward: one item of stock and its cost in points.
	 * @param viewer the member
	 * @param rewardId the reward
	 * @return the redemption's id
	 */
	@Transactional
	public long redeem(Viewer viewer, long rewardId) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("reward", "reward.loginRequired");
		}
		Reward reward = find(rewardId);
		int taken = this.jdbc
			.sql("UPDATE reward SET stock = stock - 1 WHERE id = ? AND active = 1 AND stock > 0 AND cost = ?")
			.params(rewardId, reward.cost())
			.update();
		if (taken == 0) {
			throw new RejectedException("reward", "reward.outOfStock");
		}
		if (!this.points.spend(viewer.memberId(), reward.cost())) {
			// the exception rolls back the stock taken above
			throw new RejectedException("reward", "reward.notEnoughPoints");
		}
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO reward_redemption (reward_id, member_id, cost, created_at) VALUES (?, ?, ?, ?)")
			.params(rewardId, viewer.memberId(), reward.cost(), Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * @param memberId the member
	 * @return their redemptions, newest first
	 */
	public List<Redemption> redemptionsOf(long memberId) {
		return this.jdbc.sql(SELECT_REDEMPTION + " WHERE r.member_id = ? ORDER BY r.id DESC LIMIT 50")
			.param(memberId)
			.query(Rewards::redemption)
			.list();
	}

	/**
	 * @param open true for those still to send, false for those sent
	 * @return up to 200 redemptions, the oldest open first, the newest sent first
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<Redemption> redemptions(boolean open) {
		String sql = open ? SELECT_REDEMPTION + " WHERE r.fulfilled_at IS NULL ORDER BY r.id LIMIT 200"
				: SELECT_REDEMPTION
						+ " WHERE r.fulfilled_at IS NOT NULL ORDER BY r.fulfilled_at DESC, r.id DESC LIMIT 200";
		return this.jdbc.sql(sql).query(Rewards::redemption).list();
	}

	/**
	 * Marks a redemption sent.
	 * @param viewer the staff member
	 * @param redemptionId the redemption
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void fulfil(Viewer viewer, long redemptionId) {
		int changed = this.jdbc.sql(
				"UPDATE reward_redemption SET fulfilled_at = ?, fulfilled_by = ? WHERE id = ? AND fulfilled_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), viewer.memberId(), redemptionId)
			.update();
		if (changed == 0) {
			throw new RejectedException("redemption", "reward.alreadyFulfilled");
		}
		Long memberId = this.jdbc.sql("SELECT member_id FROM reward_redemption WHERE id = ?")
			.param(redemptionId)
			.query(Long.class)
			.single();
		this.audit.record(viewer, "reward.fulfil", new AuditTarget("REDEMPTION", redemptionId, null, memberId), null,
				null, null);
	}

	/**
	 * Grants points for a contribution outside the forum.
	 * @param viewer the staff member
	 * @param username who receives them
	 * @param amount how many (1 to 10,000)
	 * @param reason why (required)
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void grant(Viewer viewer, String username, int amount, String reason) {
		Member member = this.members.findByUsername((username != null) ? username.strip() : "")
			.orElseThrow(() -> new RejectedException("username", "points.memberNotFound"));
		if (amount < 1 || amount > 10_000) {
			throw new RejectedException("points", "points.range");
		}
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > REASON_MAX) {
			throw new RejectedException("reason", "points.reason");
		}
		this.points.add(member.id(), amount, Points.Kind.GRANT, why, viewer.memberId());
		this.audit.record(viewer, "member.points_grant", AuditTarget.member(member.id(), member.username()), why, null,
				Integer.toString(amount));
	}

	private Reward find(long id) {
		return this.jdbc.sql("SELECT * FROM reward WHERE id = ?")
			.param(id)
			.query(Rewards::reward)
			.optional()
			.orElseThrow(() -> new RejectedException("reward", "reward.notFound"));
	}

	private static void check(String name, String description, int cost, int stock) {
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw new RejectedException("name", "reward.name");
		}
		if (description != null && description.length() > DESCRIPTION_MAX) {
			throw new RejectedException("description", "reward.description");
		}
		if (cost < 1 || cost > MAX_POINTS) {
			throw new RejectedException("cost", "reward.cost");
		}
		if (stock < 0 || stock > MAX_POINTS) {
			throw new RejectedException("stock", "reward.stock");
		}
	}

	private static Reward reward(ResultSet rs, int row) throws SQLException {
		return new Reward(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("cost"),
				rs.getInt("stock"), rs.getBoolean("active"));
	}

	private static Redemption redemption(ResultSet rs, int row) throws SQLException {
		Timestamp fulfilled = rs.getTimestamp("fulfilled_at");
		return new Redemption(rs.getLong("id"), rs.getString("name"), rs.getString("username"), rs.getInt("cost"),
				rs.getTimestamp("created_at").toInstant(), (fulfilled != null) ? fulfilled.toInstant() : null,
				rs.getString("fulfilled_by"));
	}

}

package com.rapport.community.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The member table and its roles, in explicit SQL.
 */
@Repository
class Members {

	private static final String SELECT_MEMBER = """
			SELECT m.id, m.username, m.email, m.display_name, m.password_hash, m.email_verified_at,
			       m.trust_level, m.reputation, m.bio, m.created_at, m.unread_notifications,
			       (SELECT GROUP_CONCAT(r.role) FROM member_role r WHERE r.member_id = m.id) AS roles
			FROM member m
			""";

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String username, String email, String passwordHash, Instant createdAt, Instant verifiedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO member (username, email, password_hash, created_at, email_verified_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(username, email, passwordHash, Timestamp.from(createdAt),
					(verifiedAt != null) ? Timestamp.from(verifiedAt) : null)
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean usernameTaken(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	boolean emailTaken(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member WHERE email = ?")
			.param(email)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<Member> findById(long id) {
		return this.jdbc.sql(SELECT_MEMBER + " WHERE m.id = ?").param(id).query(Members::member).optional();
	}

	Optional<Member> findByUsername(String username) {
		return this.jdbc.sql(SELECT_MEMBER + " WHERE m.username = ?").param(username).query(Members::member).optional();
	}

	Optional<MemberAccount> findAccount(String usernameOrEmail) {
		return this.jdbc
			.sql(SELECT_MEMBER
					+ " WHERE (m.username = ? OR m.email = ?) AND m.deleted_at IS NULL ORDER BY m.id LIMIT 1")
			.params(usernameOrEmail, usernameOrEmail)
			.query(Members::account)
			.optional();
	}

	List<Member> search(String query, int limit) {
		String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc
			.sql(SELECT_MEMBER + " WHERE m.username LIKE ? OR m.email LIKE ? OR m.display_name LIKE ?"
					+ " ORDER BY m.username LIMIT ?")
			.params(like, like, like, limit)
			.query(Members::member)
			.list();
	}

	List<Member> withRole(Role role) {
		return this.jdbc
			// from the role's rows (index ix_member_role_role) to their members, not from
			// every member to its roles
			.sql(SELECT_MEMBER + " JOIN member_role wr ON wr.member_id = m.id AND wr.role = ? ORDER BY m.username")
			.param(role.name())
			.query(Members::member)
			.list();
	}

	int countWithRole(Role role) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member_role WHERE role = ?")
			.param(role.name())
			.query(Integer.class)
			.single();
	}

	void markVerified(long memberId, Instant at) {
		this.jdbc.sql("UPDATE member SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?")
			.params(Timestamp.from(at), memberId)
			.update();
	}

	void updatePassword(long memberId, String passwordHash) {
		this.jdbc.sql("UPDATE member SET password_hash = ?, version = version + 1 WHERE id = ?")
			.params(passwordHash, memberId)
			.update();
	}

	void grant(long memberId, Role role, Long grantedBy, Instant at) {
		this.jdbc
			.sql("INSERT INTO member_role (member_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE role = role")
			.params(memberId, role.name(), Timestamp.from(at), grantedBy)
			.update();
	}

	void revoke(long memberId, Role role) {
		this.jdbc.sql("DELETE FROM member_role WHERE member_id = ? AND role = ?")
			.params(memberId, role.name())
			.update();
	}

	void updateProfile(long memberId, String displayName, String bio) {
		this.jdbc.sql("UPDATE member SET display_name = ?, bio = ?, version = version + 1 WHERE id = ?")
			.params(displayName, bio, memberId)
			.update();
	}

	void forgetRememberedLogins(String username) {
		this.jdbc.sql("DELETE FROM persistent_logins WHERE username = ?").param(username).update();
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
				rs.getString("display_name"), rs.getTimestamp("email_verified_at") != null, rs.getInt("trust_level"),
				rs.getInt("reputation"), rs.getString("bio"), rs.getTimestamp("created_at").toInstant(),
				roles(rs.getString("roles")));
	}

	private static MemberAccount account(ResultSet rs, int row) throws SQLException {
		return new MemberAccount(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
				rs.getString("password_hash"), rs.getTimestamp("email_verified_at") != null,
				roles(rs.getString("roles")), rs.getInt("unread_notifications"));
	}

	private static Set<Role> roles(String csv) {
		if (csv == null || csv.isEmpty()) {
			return Set.of();
		}
		return Arrays.stream(csv.split(","))
			.map(Role::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

}

package com.rapport.community.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' uploaded avatars. The image stored is the portal's own re-encoding, never the
 * upload; without one the initials are shown.
 */
@Service
public class Avatars {

	private final JdbcClient jdbc;

	private final Clock clock;

	Avatars(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Stores the viewer's avatar, replacing an earlier one.
	 * @param viewer the member
	 * @param png the re-encoded image
	 */
	@Transactional
	public void save(Viewer viewer, byte[] png) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("avatar", "avatar.loginRequired");
		}
		this.jdbc.sql("""
				INSERT INTO member_avatar (member_id, image, updated_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE image = ?, updated_at = ?
				""")
			.params(viewer.memberId(), png, Timestamp.from(this.clock.instant()), png,
					Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("UPDATE member SET avatar_version = avatar_version + 1 WHERE id = ?")
			.param(viewer.memberId())
			.update();
	}

	/**
	 * Removes the viewer's avatar: the initials are shown again.
	 * @param viewer the member
	 */
	@Transactional
	public void remove(Viewer viewer) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("avatar", "avatar.loginRequired");
		}
		this.jdbc.sql("DELETE FROM member_avatar WHERE member_id = ?").param(viewer.memberId()).update();
		this.jdbc.sql("UPDATE member SET avatar_version = 0 WHERE id = ?").param(viewer.memberId()).update();
	}

	/**
	 * @param username the member
	 * @return their avatar as PNG, or empty when they have none
	 */
	public Optional<byte[]> of(String username) {
		return this.jdbc
			.sql("SELECT a.image FROM member_avatar a JOIN member m ON m.id = a.member_id WHERE m.username = ?")
			.param(username)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

}

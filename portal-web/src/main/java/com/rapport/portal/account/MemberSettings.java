package com.rapport.portal.account;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff decide about the welcome sequence and deleted accounts.
 */
@Service
public class MemberSettings {

	private final JdbcClient jdbc;

	private final Clock clock;

	MemberSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Settings current() {
		return this.jdbc.sql("SELECT welcome_sequence, welcome_by_mail, deleted_posts FROM member_setting WHERE id = 1")
			.query((rs, n) -> new Settings(rs.getBoolean(1), rs.getBoolean(2), DeletedPosts.valueOf(rs.getString(3))))
			.optional()
			.orElse(new Settings(true, true, DeletedPosts.KEEP));
	}

	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void update(Settings settings) {
		this.jdbc
			.sql("UPDATE member_setting SET welcome_sequence = ?, welcome_by_mail = ?, deleted_posts = ?, "
					+ "updated_at = ? WHERE id = 1")
			.params(settings.welcomeSequence(), settings.welcomeByMail(), settings.deletedPosts().name(),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * What happens to the posts of a member who deletes their account.
	 */
	public enum DeletedPosts {

		/** They stay, under the anonymous "former member" name. */
		KEEP,
		/** They are removed (moderators can still restore them). */
		REMOVE

	}

	/**
	 * The settings.
	 *
	 * @param welcomeSequence whether new members get the welcome sequence (messages in
	 * the portal)
	 * @param welcomeByMail whether its messages are also mailed, to members who want
	 * welcome mail
	 * @param deletedPosts what happens to a deleted member's posts
	 */
	public record Settings(boolean welcomeSequence, boolean welcomeByMail, DeletedPosts deletedPosts) {
	}

}

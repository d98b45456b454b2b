package com.rapport.portal.mail;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which mail a member wants, read and changed on their settings page and by unsubscribe
 * links.
 */
@Service
class MailPreferences {

	private final JdbcClient jdbc;

	MailPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Preferences of(long memberId) {
		return this.jdbc
			.sql("SELECT email_personal, email_replies, email_watched, email_welcome, email_frequency "
					+ "FROM member WHERE id = ?")
			.param(memberId)
			.query((rs, n) -> new Preferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
					Frequency.valueOf(rs.getString(5))))
			.single();
	}

	@Transactional
	void save(long memberId, Preferences preferences) {
		this.jdbc
			.sql("UPDATE member SET email_personal = ?, email_replies = ?, email_watched = ?, email_welcome = ?, "
					+ "email_frequency = ? WHERE id = ?")
			.params(preferences.personal(), preferences.replies(), preferences.watched(), preferences.welcome(),
					preferences.frequency().name(), memberId)
			.update();
	}

	/**
	 * Turns one kind of mail off.
	 * @param memberId who
	 * @param scope what
	 * @return false when there is no such member (any more)
	 */
	@Transactional
	boolean unsubscribe(long memberId, MailScope scope) {
		String sql = switch (scope) {
			case PERSONAL -> "UPDATE member SET email_personal = FALSE WHERE id = ? AND deleted_at IS NULL";
			case REPLIES -> "UPDATE member SET email_replies = FALSE WHERE id = ? AND deleted_at IS NULL";
			case WATCHED -> "UPDATE member SET email_watched = FALSE WHERE id = ? AND deleted_at IS NULL";
			case WELCOME -> "UPDATE member SET email_welcome = FALSE WHERE id = ? AND deleted_at IS NULL";
			case ALL -> "UPDATE member SET email_frequency = 'NEVER' WHERE id = ? AND deleted_at IS NULL";
		};
		return this.jdbc.sql(sql).param(memberId).update() > 0;
	}

	/**
	 * How often notifications are mailed.
	 */
	enum Frequency {

		/**
		 * A few minutes after it happened, unless the member was on the site or read it.
		 */
		IMMEDIATE,
		/** One summary a day. */
		DAILY,
		/** Never. */
		NEVER;

		static Frequency parse(String value) {
			try {
				return valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return IMMEDIATE;
			}
		}

	}

	/**
	 * A member's choices.
	 *
	 * @param personal mentions, messages, accepted answers
	 * @param replies replies to them
	 * @param watched posts in watched topics and categories
	 * @param welcome the mail copies of the welcome sequence
	 * @param frequency how often
	 */
	record Preferences(boolean personal, boolean replies, boolean watched, boolean welcome, Frequency frequency) {
	}

}

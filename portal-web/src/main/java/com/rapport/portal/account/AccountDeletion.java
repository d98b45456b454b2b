package com.rapport.portal.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.rapport.community.member.MemberAccount;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;
import com.rapport.community.topic.PostEvents.PostAuthorAnonymised;
import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.response.RespondentData;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member deleting their own account. The member row stays, because posts, reactions and
 * the audit log point at it, but everything personal in it is blanked: the username
 * becomes an anonymous "former member" name, the address one that cannot receive mail,
 * the password one nobody knows; and every other personal record (notifications, private
 * messages, watching, tokens, remembered logins, blocks, survey answers, the welcome
 * sequence) is deleted. Posts stay under the anonymous name or are removed, as staff
 * chose in the member settings.
 */
@Service
class AccountDeletion {

	static final String FORMER_MEMBER_PREFIX = "former_";

	private final JdbcClient jdbc;

	private final MemberService members;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final RespondentData respondentData;

	private final MemberRespondents respondents;

	private final MemberSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AccountDeletion(JdbcClient jdbc, MemberService members, PasswordEncoder passwords, AuditLog audit,
			RespondentData respondentData, MemberRespondents respondents, MemberSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.passwords = passwords;
		this.audit = audit;
		this.respondentData = respondentData;
		this.respondents = respondents;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Deletes the viewer's account.
	 * @param viewer the member, logged in
	 * @param password their password, typed again
	 * @return the anonymous name their posts now show
	 * @throws RejectedException when the password is wrong or they are the last staff
	 * member or moderator
	 */
	@Transactional
	String delete(Viewer viewer, String password) {
		MemberAccount account = this.members.findAccount(viewer.username())
			.filter((found) -> found.id() == viewer.memberId())
			.orElseThrow(() -> new RejectedException("password", "account.delete.wrongPassword"));
		if (password == null || !this.passwords.matches(password, account.passwordHash())) {
			throw new RejectedException("password", "account.delete.wrongPassword");
		}
		requireNotLast(account, Role.STAFF);
		requireNotLast(account, Role.MODERATOR);
		long id = account.id();
		Instant now = this.clock.instant();
		String formerName = anonymousName(id);
		eraseAuditDetails(id, account.username(), now);
		erasePersonalRecords(id, account);
		handlePosts(id, now);
		this.audit.record(new Viewer(id, formerName, account.roles(), false), "member.delete",
				new AuditTarget(AuditTarget.MEMBER, id, null, null), null, null, null);
		this.jdbc.sql("DELETE FROM member_role WHERE member_id = ?").param(id).update();
		return formerName;
	}

	private void requireNotLast(MemberAccount account, Role role) {
		if (!account.roles().contains(role)) {
			return;
		}
		// every holder of the role is locked, so two of the last ones deleting their
		// accounts at once cannot both pass the check
		long others = this.jdbc
			.sql("SELECT r.member_id FROM member_role r JOIN member m ON m.id = r.member_id "
					+ "WHERE r.role = ? AND m.deleted_at IS NULL FOR UPDATE")
			.param(role.name())
			.query(Long.class)
			.list()
			.stream()
			.filter((holder) -> holder != account.id())
			.count();
		if (others == 0) {
			throw new RejectedException("password",
					(role == Role.STAFF) ? "account.delete.lastStaff" : "account.delete.lastModerator");
		}
	}

	/** Picks a free anonymous username and blanks the member row with it. */
	private String anonymousName(long id) {
		for (int attempt = 0; attempt < 5; attempt++) {
			byte[] bytes = new byte[5];
			this.random.nextBytes(bytes);
			String name = FORMER_MEMBER_PREFIX + HexFormat.of().formatHex(bytes);
			byte[] secret = new byte[32];
			this.random.nextBytes(secret);
			try {
				this.jdbc.sql("""
						UPDATE member SET username = ?, email = ?, display_name = NULL, bio = NULL, password_hash = ?,
						       email_verified_at = NULL, locale = NULL, last_seen_at = NULL, unread_notifications = 0,
						       email_personal = FALSE, email_replies = FALSE, email_watched = FALSE,
						       email_welcome = FALSE, email_frequency = 'NEVER', avatar_version = 0, deleted_at = ?,
						       version = version + 1
						WHERE id = ?
						""")
					.params(name, "deleted-" + id + "@deleted.invalid",
							this.passwords.encode(HexFormat.of().formatHex(secret)),
							Timestamp.from(this.clock.instant()), id)
					.update();
				return name;
			}
			catch (DuplicateKeyException ex) {
				// the random name is taken: draw again
			}
		}
		throw new IllegalStateException("No free anonymous name after five draws");
	}

	private void erasePersonalRecords(long id, MemberAccount account) {
		this.jdbc.sql("DELETE FROM notification WHERE member_id = ?").param(id).update();
		this.jdbc.sql("UPDATE notification SET actor_id = NULL WHERE actor_id = ?").param(id).update();
		List<Long> conversations = this.jdbc.sql("SELECT conversation_id FROM conversation_member WHERE member_id = ?")
			.param(id)
			.query(Long.class)
			.list();
		this.jdbc.sql("DELETE FROM message WHERE author_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM conversation_member WHERE member_id = ?").param(id).update();
		for (long conversation : conversations) {
			this.jdbc.sql("""
					UPDATE conversation SET message_count = (SELECT COUNT(*) FROM message WHERE conversation_id = ?)
					WHERE id = ?
					""").params(conversation, conversation).update();
		}
		this.jdbc.sql("DELETE FROM member_block WHERE blocker_id = ? OR blocked_id = ?").params(id, id).update();
		this.jdbc.sql("DELETE FROM topic_member WHERE member_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM category_member WHERE member_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM member_token WHERE member_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM welcome_step WHERE member_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM member_avatar WHERE member_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM persistent_logins WHERE username = ?").param(account.username()).update();
		this.jdbc.sql("DELETE FROM login_failure WHERE login = ? OR login = ?")
			.params(account.username(), account.email())
			.update();
		String respondentHash = this.respondents.hashOf(id);
		this.jdbc.sql("""
				DELETE FROM follow_up_conversation WHERE follow_up_id IN
				  (SELECT id FROM follow_up WHERE member_id = ? OR respondent_hash = ?)
				""").params(id, respondentHash).update();
		this.jdbc.sql("DELETE FROM follow_up WHERE member_id = ?").param(id).update();
		this.respondentData.deleteOwnData(id);
	}

	/** What the audit log said about the member keeps the action, not the person. */
	private void eraseAuditDetails(long id, String username, Instant now) {
		Timestamp at = Timestamp.from(now);
		this.jdbc.sql("""
				UPDATE audit_log SET actor_username = NULL, redacted_at = COALESCE(redacted_at, ?)
				WHERE actor_id = ? AND actor_username IS NOT NULL
				""").params(at, id).update();
		this.jdbc.sql("""
				UPDATE audit_log SET target_label = NULL, before_text = NULL, after_text = NULL,
				       reason = REPLACE(reason, ?, '[redacted]'), redacted_at = COALESCE(redacted_at, ?)
				WHERE subject_member_id = ?
				""").params(username, at, id).update();
	}

	private void handlePosts(long id, Instant now) {
		record Post(long postId, long topicId) {
		}
		List<Post> posts = this.jdbc.sql("SELECT id, topic_id FROM post WHERE author_id = ? AND deleted_at IS NULL")
			.param(id)
			.query((rs, n) -> new Post(rs.getLong(1), rs.getLong(2)))
			.list();
		if (this.settings.current().deletedPosts() != MemberSettings.DeletedPosts.REMOVE) {
			posts.forEach((post) -> this.events.publishEvent(new PostAuthorAnonymised(post.postId(), post.topicId())));
			return;
		}
		Timestamp at = Timestamp.from(now);
		this.jdbc.sql("UPDATE post SET deleted_at = ?, deleted_by = ? WHERE author_id = ? AND deleted_at IS NULL")
			.params(at, id, id)
			.update();
		this.jdbc.sql("UPDATE topic SET deleted_at = ? WHERE author_id = ? AND deleted_at IS NULL")
			.params(at, id)
			.update();
		posts.forEach((post) -> this.events.publishEvent(new PostRemoved(post.postId(), post.topicId())));
	}

}

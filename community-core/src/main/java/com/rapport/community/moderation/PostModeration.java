package com.rapport.community.moderation;

import java.sql.Timestamp;
import java.time.Clock;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.community.topic.PostEvents.PostRestored;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators' tools on posts: hide with a reason the author reads, unhide, soft delete,
 * restore, and edit with a notice shown under the post. Hiding publishes
 * {@link PostHiddenByModerator} so the author can appeal it once. Each action checks the
 * post's current state and writes an audit log entry in the same transaction.
 */
@Service
public class PostModeration {

	static final int NOTICE_MAX = 500;

	private final JdbcClient jdbc;

	private final PostEditor editor;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PostModeration(JdbcClient jdbc, PostEditor editor, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.editor = editor;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Hides a post from readers; its author still sees it, with the reason.
	 * @param viewer a moderator
	 * @param postId the post
	 * @param reason why, shown to the author
	 * @throws RejectedException {@code mod.post.alreadyHidden} when it is hidden already
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void hide(Viewer viewer, long postId, String reason) {
		PostState post = lock(viewer, postId);
		String why = ModerationGuard.checkedReason(reason, true);
		if (post.hidden()) {
			throw new RejectedException("post", "mod.post.alreadyHidden");
		}
		this.jdbc.sql("UPDATE post SET hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), viewer.memberId(), why, postId)
			.update();
		this.audit.record(viewer, "post.hide", post.target(), why, null, null);
		this.events.publishEvent(new PostRemoved(postId, post.topicId()));
		this.events.publishEvent(new PostHiddenByModerator(postId, post.topicId(), post.categoryId(), post.authorId(),
				viewer.memberId(), why));
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void unhide(Viewer viewer, long postId, String reason) {
		PostState post = lock(viewer, postId);
		String why = ModerationGuard.checkedReason(reason, false);
		if (!post.hidden()) {
			throw new RejectedException("post", "mod.post.notHidden");
		}
		this.jdbc.sql("UPDATE post SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = ?")
			.param(postId)
			.update();
		this.audit.record(viewer, "post.unhide", post.target(), why, null, null);
		this.events.publishEvent(new PostRestored(postId, post.topicId()));
	}

	/**
	 * Deletes a post softly (the first post deletes its topic).
	 * @param viewer a moderator
	 * @param postId the post
	 * @param reason why, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void delete(Viewer viewer, long postId, String reason) {
		PostState post = lock(viewer, postId);
		String why = ModerationGuard.checkedReason(reason, false);
		if (post.deleted()) {
			throw new RejectedException("post", "mod.post.alreadyDeleted");
		}
		this.editor.delete(viewer, postId);
		this.audit.record(viewer, "post.delete", post.target(), why, null, null);
	}

	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void restore(Viewer viewer, long postId, String reason) {
		PostState post = lock(viewer, postId);
		String why = ModerationGuard.checkedReason(reason, false);
		if (!post.deleted()) {
			throw new RejectedException("post", "mod.post.notDeleted");
		}
		this.editor.restore(viewer, postId);
		this.audit.record(viewer, "post.restore", post.target(), why, null, null);
	}

	/**
	 * Edits someone's post, keeping the revision, with a notice readers see under it.
	 * @param viewer a moderator
	 * @param postId the post
	 * @param body the new text
	 * @param expectedVersion the version the moderator started from
	 * @param notice the edit notice, such as "link to a pirated copy removed"
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void edit(Viewer viewer, long postId, String body, int expectedVersion, String notice) {
		PostState post = lock(viewer, postId);
		String checkedNotice = ModerationGuard.checkedReason(notice, true);
		if (checkedNotice.codePointCount(0, checkedNotice.length()) > NOTICE_MAX) {
			throw new RejectedException("notice", "mod.notice.tooLong");
		}
		this.editor.edit(viewer, postId, null, body, expectedVersion);
		String after = this.jdbc.sql("SELECT raw FROM post WHERE id = ?").param(postId).query(String.class).single();
		this.jdbc.sql("UPDATE post SET edit_notice = ? WHERE id = ?").params(checkedNotice, postId).update();
		this.audit.record(viewer, "post.edit", post.target(), checkedNotice, post.raw(), after);
	}

	private PostState lock(Viewer viewer, long postId) {
		ModerationGuard.requireModerator(viewer);
		return this.jdbc.sql("""
				SELECT p.id, p.topic_id, p.post_number, p.author_id, t.title, p.raw,
				       p.hidden_at IS NOT NULL, p.deleted_at IS NOT NULL, t.category_id
				FROM post p JOIN topic t ON t.id = p.topic_id
				WHERE p.id = ? FOR UPDATE
				""")
			.param(postId)
			.query((rs, n) -> new PostState(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getLong(9)))
			.optional()
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
	}

	private record PostState(long id, long topicId, int postNumber, long authorId, String topicTitle, String raw,
			boolean hidden, boolean deleted, long categoryId) {

		AuditTarget target() {
			return AuditTarget.post(this.id, this.topicTitle + " #" + this.postNumber, this.authorId);
		}

	}

}

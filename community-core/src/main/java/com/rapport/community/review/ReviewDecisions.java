package com.rapport.community.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;
import com.rapport.community.moderation.Sanction;
import com.rapport.community.moderation.Sanctions;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostEvents.HeldPostPublished;
import com.rapport.community.topic.PostScreening.Draft;
import com.rapport.community.topic.TopicService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators decide review items. Every decision reads the item under a row lock and
 * checks its current state first: an item someone else decided, or holds by a fresh
 * claim, is refused with {@link StaleReviewException} and nothing changes.
 */
@Service
public class ReviewDecisions {

	private final JdbcClient jdbc;

	private final ReviewItems items;

	private final ReviewQueue queue;

	private final ModeratedPosts posts;

	private final Flags flags;

	private final TopicService topics;

	private final PostEditor editor;

	private final Notifications notifications;

	private final Clock clock;

	private final AuditLog audit;

	private final Sanctions sanctions;

	private final ApplicationEventPublisher events;

	ReviewDecisions(JdbcClient jdbc, ReviewItems items, ReviewQueue queue, ModeratedPosts posts, Flags flags,
			TopicService topics, PostEditor editor, Notifications notifications, Clock clock, AuditLog audit,
			Sanctions sanctions, ApplicationEventPublisher events) {
		this.events = events;
		this.audit = audit;
		this.sanctions = sanctions;
		this.jdbc = jdbc;
		this.items = items;
		this.queue = queue;
		this.posts = posts;
		this.flags = flags;
		this.topics = topics;
		this.editor = editor;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Decides an item.
	 * @param viewer a moderator
	 * @param itemId the item
	 * @param decision what to do
	 * @param note why (shown to the author), or null
	 * @throws StaleReviewException when the item was decided or claimed by someone else
	 * @throws RejectedException when the decision does not apply to this kind of item
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void decide(Viewer viewer, long itemId, Decision decision, String note) {
		decide(viewer, itemId, decision, note, null);
	}

	/**
	 * Decides an item and sanctions its author in the same step ("… and silence the
	 * author"); the note is the reason the author reads and is then required.
	 * @param viewer a moderator
	 * @param itemId the item
	 * @param decision what to do with the item
	 * @param note why
	 * @param sanction the sanction, or null for none
	 * @throws StaleReviewException when the item was decided or claimed by someone else
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void decide(Viewer viewer, long itemId, Decision decision, String note, AuthorSanction sanction) {
		ReviewItems.Locked item = lockForDecision(viewer, itemId);
		String cleanNote = clean(note);
		AuditTarget target = target(item);
		if (item.kind() == ReviewKind.APPEAL) {
			decideAppeal(viewer, item, decision, cleanNote);
		}
		else if (item.queuedPostId() != null) {
			decideHeld(viewer, item, decision);
		}
		else {
			decidePost(viewer, item, decision, cleanNote);
		}
		this.items.decide(itemId, decision, viewer.memberId(), cleanNote);
		this.audit.record(viewer, action(item, decision), target, cleanNote, null, null);
		if (sanction != null) {
			if (item.kind() == ReviewKind.APPEAL) {
				throw new RejectedException("decision", "review.decision.notApplicable");
			}
			if (sanction.days() < 1 || sanction.days() > 3650) {
				throw new RejectedException("days", "review.sanction.daysInvalid");
			}
			if (cleanNote == null) {
				throw new RejectedException("note", "review.sanction.reasonRequired");
			}
			var until = this.clock.instant().plus(Duration.ofDays(sanction.days()));
			if (sanction.kind() == Sanction.Kind.SILENCE) {
				this.sanctions.silence(viewer, item.authorId(), until, cleanNote);
			}
			else {
				this.sanctions.suspend(viewer, item.authorId(), until, cleanNote);
			}
		}
	}

	private static String action(ReviewItems.Locked item, Decision decision) {
		if (item.kind() == ReviewKind.APPEAL) {
			return (decision == Decision.APPROVE) ? "appeal.grant" : "appeal.deny";
		}
		return "review." + decision.name().toLowerCase(java.util.Locale.ROOT);
	}

	private AuditTarget target(ReviewItems.Locked item) {
		if (item.postId() != null) {
			String label = this.jdbc
				.sql("SELECT CONCAT(t.title, ' #', p.post_number) FROM post p JOIN topic t ON t.id = p.topic_id "
						+ "WHERE p.id = ?")
				.param(item.postId())
				.query(String.class)
				.optional()
				.orElse(null);
			return AuditTarget.post(item.postId(), label, item.authorId());
		}
		if (item.queuedPostId() != null) {
			String label = this.jdbc.sql("SELECT COALESCE(title, LEFT(raw, 80)) FROM queued_post WHERE id = ?")
				.param(item.queuedPostId())
				.query(String.class)
				.single();
			return new AuditTarget("QUEUED_POST", item.queuedPostId(), label, item.authorId());
		}
		return new AuditTarget("APPEAL", item.appealId(), item.reasons(), item.authorId());
	}

	/**
	 * Edits the text of the item's post, then approves it.
	 * @param viewer a moderator
	 * @param itemId the item
	 * @param body the new text
	 * @param note why, or null
	 */
	@PreAuthorize("hasRole('MODERATOR')")
	@Transactional
	public void editAndApprove(Viewer viewer, long itemId, String body, String note) {
		ReviewItems.Locked item = lockForDecision(viewer, itemId);
		if (item.kind() == ReviewKind.APPEAL) {
			throw new RejectedException("decision", "review.decision.notApplicable");
		}
		String text = (body != null) ? body.strip() : "";
		if (text.codePointCount(0, text.length()) < TopicService.BODY_MIN
				|| text.codePointCount(0, text.length()) > TopicService.BODY_MAX) {
			throw new RejectedException("body", "post.body.length");
		}
		AuditTarget target = target(item);
		String before;
		if (item.queuedPostId() != null) {
			before = this.jdbc.sql("SELECT raw FROM queued_post WHERE id = ?")
				.param(item.queuedPostId())
				.query(String.class)
				.single();
			this.jdbc.sql("UPDATE queued_post SET raw = ? WHERE id = ?").params(text, item.queuedPostId()).update();
			decideHeld(viewer, item, Decision.APPROVE);
		}
		else {
			decidePost(viewer, item, Decision.APPROVE, null);
			var editable = this.editor.editable(viewer, item.postId());
			before = editable.body();
			this.editor.edit(viewer, item.postId(), null, text, editable.version());
		}
		String cleanNote = clean(note);
		this.items.decide(itemId, Decision.APPROVE, viewer.memberId(), cleanNote);
		this.audit.record(viewer, "review.edit", target, cleanNote, before, text);
	}

	private ReviewItems.Locked lockForDecision(Viewer viewer, long itemId) {
		if (!viewer.isModerator()) {
			throw new RejectedException("item", "review.notFound");
		}
		ReviewItems.Locked item = this.items.lock(itemId)
			.orElseThrow(() -> new RejectedException("item", "review.notFound"));
		if (!item.pending()) {
			throw this.queue.staleness(itemId);
		}
		if (item.claimedBy() != null && item.claimedBy() != (long) viewer.memberId()
				&& item.claimedAt().after(this.queue.fresh())) {
			throw this.queue.staleness(itemId);
		}
		if (item.excludedModeratorId() != null && item.excludedModeratorId() == (long) viewer.memberId()) {
			throw new RejectedException("item", "review.appeal.sameModerator");
		}
		boolean staffAuthor = this.jdbc.sql("SELECT COUNT(*) FROM member_role WHERE member_id = ? AND role = 'STAFF'")
			.param(item.authorId())
			.query(Integer.class)
			.single() > 0;
		if (staffAuthor && !viewer.has(Role.STAFF)) {
			throw new RejectedException("item", "review.staffAuthor");
		}
		return item;
	}

	private void decidePost(Viewer viewer, ReviewItems.Locked item, Decision decision, String note) {
		ModeratedPosts.PostState post = this.posts.lock(item.postId())
			.orElseThrow(() -> new RejectedException("item", "review.notFound"));
		switch (decision) {
			case APPROVE -> {
				this.flags.settle(item.id(), "DISAGREED", post.topicId(), post.postNumber());
				if (this.posts.unhide(post)) {
					this.notifications.notify(post.authorId(), NotificationKind.POST_RESTORED, viewer.memberId(),
							post.topicId(), post.postNumber());
				}
			}
			case REJECT -> {
				this.flags.settle(item.id(), "AGREED", post.topicId(), post.postNumber());
				this.posts.delete(post, viewer.memberId());
				this.notifications.notify(post.authorId(), NotificationKind.POST_REJECTED, viewer.memberId(),
						post.topicId(), post.postNumber());
			}
			case HIDE -> {
				this.flags.settle(item.id(), "AGREED", post.topicId(), post.postNumber());
				if (this.posts.hide(post, viewer.memberId(), note)) {
					this.notifications.notify(post.authorId(), NotificationKind.POST_HIDDEN, viewer.memberId(),
							post.topicId(), post.postNumber());
				}
			}
			case IGNORE -> this.flags.settle(item.id(), "IGNORED", post.topicId(), post.postNumber());
		}
	}

	private void decideHeld(Viewer viewer, ReviewItems.Locked item, Decision decision) {
		var held = this.jdbc.sql("""
				SELECT author_id, category_id, topic_id, title, raw, reply_to_post_number, status, edit_of_post_id
				FROM queued_post WHERE id = ? FOR UPDATE
				""")
			.param(item.queuedPostId())
			.query((rs,
					n) -> new Object[] { rs.getLong(1),
							new Draft(rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
									rs.getObject(6, Integer.class), rs.getObject(8, Long.class)),
							rs.getString(7) })
			.single();
		long authorId = (Long) held[0];
		Draft draft = (Draft) held[1];
		Timestamp now = Timestamp.from(this.clock.instant());
		switch (decision) {
			case APPROVE -> publish(viewer, item.queuedPostId(), authorId, draft, NotificationKind.POST_APPROVED);
			case REJECT -> {
				this.jdbc.sql("UPDATE queued_post SET status = 'REJECTED', decided_at = ? WHERE id = ?")
					.params(now, item.queuedPostId())
					.update();
				this.notifications.notify(authorId, NotificationKind.POST_NOT_APPROVED, viewer.memberId(),
						draft.topicId(), null);
			}
			default -> throw new RejectedException("decision", "review.decision.notApplicable");
		}
	}

	private void publish(Viewer viewer, long queuedPostId, long authorId, Draft draft, NotificationKind kind) {
		long postId;
		if (draft.edit()) {
			this.editor.applyApproved(authorId, draft);
			postId = draft.editOfPostId();
		}
		else {
			postId = this.topics.publishApproved(authorId, draft);
		}
		this.jdbc.sql("UPDATE queued_post SET status = 'PUBLISHED', post_id = ?, decided_at = ? WHERE id = ?")
			.params(postId, Timestamp.from(this.clock.instant()), queuedPostId)
			.update();
		var where = this.jdbc.sql("SELECT topic_id, post_number FROM post WHERE id = ?")
			.param(postId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2) })
			.single();
		this.notifications.notify(authorId, kind, viewer.memberId(), (Long) where[0], (Integer) where[1]);
		if (!draft.edit()) {
			this.events.publishEvent(new HeldPostPublished(queuedPostId, postId, (Long) where[0], (Integer) where[1]));
		}
	}

	private void decideAppeal(Viewer viewer, ReviewItems.Locked item, Decision decision, String note) {
		if (decision != Decision.APPROVE && decision != Decision.REJECT) {
			throw new RejectedException("decision", "review.decision.notApplicable");
		}
		var appeal = this.jdbc.sql("SELECT subject, subject_id, decision_item_id FROM appeal WHERE id = ? FOR UPDATE")
			.param(item.appealId())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class) })
			.single();
		Timestamp now = Timestamp.from(this.clock.instant());
		boolean granted = decision == Decision.APPROVE;
		this.jdbc.sql("UPDATE appeal SET outcome = ?, decided_by = ?, decided_at = ? WHERE id = ?")
			.params(granted ? "OVERTURNED" : "UPHELD", viewer.memberId(), now, item.appealId())
			.update();
		Long topicId = null;
		Integer postNumber = null;
		if (granted) {
			String subject = (String) appeal[0];
			long subjectId = (Long) appeal[1];
			if ("POST".equals(subject)) {
				ModeratedPosts.PostState post = this.posts.lock(subjectId)
					.orElseThrow(() -> new RejectedException("item", "review.notFound"));
				this.posts.restore(post);
				topicId = post.topicId();
				postNumber = post.postNumber();
			}
			else if ("SANCTION".equals(subject)) {
				boolean active = this.jdbc
					.sql("SELECT COUNT(*) FROM member_sanction WHERE id = ? AND lifted_at IS NULL AND ends_at > ?")
					.params(subjectId, now)
					.query(Integer.class)
					.single() > 0;
				if (active) {
					this.sanctions.lift(viewer, subjectId, note);
				}
			}
			else if ("QUEUED_POST".equals(subject)) {
				var held = this.jdbc
					.sql("SELECT author_id, category_id, topic_id, title, raw, reply_to_post_number, edit_of_post_id "
							+ "FROM queued_post WHERE id = ? AND status = 'REJECTED' FOR UPDATE")
					.param(subjectId)
					.query((rs, n) -> new Object[] { rs.getLong(1),
							new Draft(rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
									rs.getObject(6, Integer.class), rs.getObject(7, Long.class)) })
					.optional();
				if (held.isPresent()) {
					publish(viewer, subjectId, (Long) held.get()[0], (Draft) held.get()[1],
							NotificationKind.APPEAL_GRANTED);
					markOverturned((Long) appeal[2], now);
					return;
				}
			}
			markOverturned((Long) appeal[2], now);
		}
		this.notifications.notify(item.authorId(),
				granted ? NotificationKind.APPEAL_GRANTED : NotificationKind.APPEAL_DENIED, viewer.memberId(), topicId,
				postNumber);
	}

	private void markOverturned(Long originalItemId, Timestamp now) {
		if (originalItemId != null) {
			this.jdbc.sql("UPDATE review_item SET overturned_at = ? WHERE id = ?").params(now, originalItemId).update();
		}
	}

	private static String clean(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String text = note.strip();
		if (text.codePointCount(0, text.length()) > 500) {
			throw new RejectedException("note", "review.noteTooLong");
		}
		return text;
	}

}

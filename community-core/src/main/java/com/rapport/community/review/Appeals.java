package com.rapport.community.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members see of moderation about their own posts (waiting for approval, hidden,
 * deleted, not approved, with the reasons) and their one appeal per decision, which goes
 * to the queue for a moderator other than the one who decided.
 */
@Service
public class Appeals {

	/** The longest appeal statement. */
	public static final int STATEMENT_MAX = 2000;

	private final JdbcClient jdbc;

	private final ReviewItems items;

	private final Clock clock;

	Appeals(JdbcClient jdbc, ReviewItems items, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.clock = clock;
	}

	/**
	 * A moderation matter about one of the member's posts.
	 *
	 * @param itemId the review item
	 * @param state WAITING (held for approval), HIDDEN_PENDING (hidden by flags, a
	 * moderator will look), HIDDEN, REJECTED (deleted) or NOT_APPROVED
	 * @param reasons the reason codes
	 * @param note the moderator's note, or null
	 * @param topicTitle the topic, or null
	 * @param excerpt the start of the text
	 * @param at when it happened
	 * @param appealable whether an appeal can still be made
	 * @param appealOutcome null, PENDING, OVERTURNED or UPHELD
	 */
	public record ModerationMatter(long itemId, String state, List<String> reasons, String note, String topicTitle,
			String excerpt, Instant at, boolean appealable, String appealOutcome) {

		public ModerationMatter {
			reasons = List.copyOf(reasons);
		}

	}

	/**
	 * The member's posts that moderation holds back, newest first.
	 * @param viewer the member
	 * @return up to 50 matters
	 */
	public List<ModerationMatter> mine(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					SELECT i.id, i.status, i.queued_post_id IS NOT NULL AS held, p.hidden_at IS NOT NULL AS hidden, i.reasons,
					       i.decision_note, COALESCE(t.title, q.title) AS title, LEFT(COALESCE(p.raw, q.raw), 200) AS excerpt,
					       COALESCE(i.decided_at, i.created_at) AS at,
					       (SELECT COALESCE(a.outcome, 'PENDING') FROM appeal a
					        WHERE a.member_id = i.author_id AND a.decision_item_id = i.id) AS appeal
					FROM review_item i
					LEFT JOIN post p ON p.id = i.post_id
					LEFT JOIN queued_post q ON q.id = i.queued_post_id
					LEFT JOIN topic t ON t.id = i.topic_id
					WHERE i.author_id = ? AND i.kind <> 'APPEAL'
					  AND ((i.status = 'PENDING' AND (i.queued_post_id IS NOT NULL OR p.hidden_at IS NOT NULL))
					       OR i.status = 'REJECTED' OR (i.status = 'HIDDEN' AND i.overturned_at IS NULL AND p.hidden_at IS NOT NULL))
					ORDER BY i.id DESC LIMIT 50
					""")
			.param(viewer.memberId())
			.query((rs, n) -> {
				String status = rs.getString("status");
				boolean held = rs.getBoolean("held");
				String state;
				if ("PENDING".equals(status)) {
					state = held ? "WAITING" : "HIDDEN_PENDING";
				}
				else if ("HIDDEN".equals(status)) {
					state = "HIDDEN";
				}
				else {
					state = held ? "NOT_APPROVED" : "REJECTED";
				}
				String appeal = rs.getString("appeal");
				return new ModerationMatter(rs.getLong("id"), state, Arrays.asList(rs.getString("reasons").split(",")),
						rs.getString("decision_note"), rs.getString("title"), rs.getString("excerpt"),
						rs.getTimestamp("at").toInstant(), appeal == null && !"PENDING".equals(status), appeal);
			})
			.list();
	}

	/**
	 * A sanction in force on the member.
	 *
	 * @param sanctionId the sanction
	 * @param kind SILENCE or SUSPEND
	 * @param reason the moderator's reason
	 * @param endsAt when it ends
	 * @param appealable whether an appeal can still be made
	 * @param appealOutcome null, PENDING, OVERTURNED or UPHELD
	 */
	public record SanctionMatter(long sanctionId, String kind, String reason, Instant endsAt, boolean appealable,
			String appealOutcome) {
	}

	/**
	 * The sanctions in force on the member, with their reasons.
	 * @param viewer the member
	 * @return the sanctions
	 */
	public List<SanctionMatter> sanctions(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT s.id, s.kind, s.reason, s.ends_at,
				       (SELECT COALESCE(a.outcome, 'PENDING') FROM appeal a
				        WHERE a.member_id = s.member_id AND a.subject = 'SANCTION' AND a.subject_id = s.id) AS appeal
				FROM member_sanction s
				WHERE s.member_id = ? AND s.lifted_at IS NULL AND s.ends_at > ?
				ORDER BY s.ends_at DESC
				""").params(viewer.memberId(), Timestamp.from(this.clock.instant())).query((rs, n) -> {
			String appeal = rs.getString("appeal");
			return new SanctionMatter(rs.getLong("id"), rs.getString("kind"), rs.getString("reason"),
					rs.getTimestamp("ends_at").toInstant(), appeal == null, appeal);
		}).list();
	}

	/**
	 * Appeals a sanction in force, once; a moderator other than the one who imposed it
	 * decides.
	 * @param viewer the member
	 * @param sanctionId the sanction
	 * @param statement why it should be lifted
	 */
	@Transactional
	public void appealSanction(Viewer viewer, long sanctionId, String statement) {
		String text = checkedStatement(statement);
		Long moderator = this.jdbc
			.sql("SELECT created_by FROM member_sanction WHERE id = ? AND member_id = ? AND lifted_at IS NULL "
					+ "AND ends_at > ?")
			.params(sanctionId, (viewer.memberId() != null) ? viewer.memberId() : 0L,
					Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RejectedException("statement", "review.appeal.nothingToAppeal"));
		long appealId = insert(viewer, "SANCTION", sanctionId, null, moderator, text);
		this.items.appeal(appealId, viewer.memberId(), null, null, moderator, "appeal:SANCTION");
	}

	private static String checkedStatement(String statement) {
		String text = (statement != null) ? statement.strip() : "";
		if (text.isEmpty()) {
			throw new RejectedException("statement", "review.appeal.statementRequired");
		}
		if (text.codePointCount(0, text.length()) > STATEMENT_MAX) {
			throw new RejectedException("statement", "review.appeal.statementTooLong");
		}
		return text;
	}

	private long insert(Viewer viewer, String subject, long subjectId, Long itemId, Long moderator, String text) {
		var keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("""
					INSERT INTO appeal (member_id, subject, subject_id, decision_item_id, decided_moderator, statement,
					                    created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(viewer.memberId(), subject, subjectId, itemId, moderator, text,
						Timestamp.from(this.clock.instant()))
				.update(keys);
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("statement", "review.appeal.already");
		}
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Appeals a decision on one of the member's posts, once per decision: a post hidden
	 * again after an appeal can be appealed again.
	 * @param viewer the member
	 * @param itemId the decided review item
	 * @param statement why the decision should change
	 * @throws RejectedException when there is nothing to appeal or it was appealed
	 * already
	 */
	@Transactional
	public void appeal(Viewer viewer, long itemId, String statement) {
		String text = checkedStatement(statement);
		var decided = this.jdbc
			.sql("""
					SELECT i.post_id, i.queued_post_id, i.decided_by, i.category_id, i.topic_id
					FROM review_item i LEFT JOIN post p ON p.id = i.post_id
					WHERE i.id = ? AND i.author_id = ? AND i.kind <> 'APPEAL'
					  AND (i.status = 'REJECTED' OR (i.status = 'HIDDEN' AND i.overturned_at IS NULL AND p.hidden_at IS NOT NULL))
					""")
			.params(itemId, (viewer.memberId() != null) ? viewer.memberId() : 0L)
			.query((rs,
					n) -> new Long[] { rs.getObject(1, Long.class), rs.getObject(2, Long.class),
							rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getObject(5, Long.class) })
			.optional()
			.orElseThrow(() -> new RejectedException("statement", "review.appeal.nothingToAppeal"));
		String subject = (decided[0] != null) ? "POST" : "QUEUED_POST";
		long subjectId = (decided[0] != null) ? decided[0] : decided[1];
		long appealId = insert(viewer, subject, subjectId, itemId, decided[2], text);
		this.items.appeal(appealId, viewer.memberId(), decided[3], decided[4], decided[2], "appeal:" + subject);
	}

	/**
	 * Appeals the decision that hides or deleted one of the member's posts, from the post
	 * itself: the latest decision on it, once.
	 * @param viewer the member
	 * @param postId the post
	 * @param statement why the decision should change
	 * @throws RejectedException when there is nothing to appeal or it was appealed
	 * already
	 */
	@Transactional
	public void appealPost(Viewer viewer, long postId, String statement) {
		long itemId = this.jdbc
			.sql("""
					SELECT i.id FROM review_item i JOIN post p ON p.id = i.post_id
					WHERE i.post_id = ? AND i.author_id = ? AND i.kind <> 'APPEAL'
					  AND (i.status = 'REJECTED' OR (i.status = 'HIDDEN' AND i.overturned_at IS NULL AND p.hidden_at IS NOT NULL))
					ORDER BY i.id DESC LIMIT 1
					""")
			.params(postId, (viewer.memberId() != null) ? viewer.memberId() : 0L)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RejectedException("statement", "review.appeal.nothingToAppeal"));
		appeal(viewer, itemId, statement);
	}

	/**
	 * What the author of a hidden post (or a moderator) reads on the post: why it is
	 * hidden and whether the author can appeal.
	 *
	 * @param reasons the reason codes of the flags that hid it (empty when a moderator
	 * hid it: the moderator's reason is on the post)
	 * @param appealable whether the viewer, its author, can still appeal the decision
	 * @param appealOutcome null, PENDING, OVERTURNED or UPHELD
	 */
	public record HiddenPostNote(List<String> reasons, boolean appealable, String appealOutcome) {

		public HiddenPostNote {
			reasons = List.copyOf(reasons);
		}

	}

	/**
	 * The notes for the hidden posts of a topic page that the viewer may read.
	 * @param viewer who looks
	 * @param posts the posts of the page
	 * @return a note per hidden, readable post id
	 */
	public Map<Long, HiddenPostNote> hiddenPosts(Viewer viewer, List<PostView> posts) {
		List<Long> ids = posts.stream().filter((p) -> p.hidden() && !p.withheld()).map(PostView::id).toList();
		if (ids.isEmpty() || viewer.isAnonymous()) {
			return Map.of();
		}
		Map<Long, HiddenPostNote> notes = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT h.*,
					       (SELECT COALESCE(a.outcome, 'PENDING') FROM appeal a
					        WHERE a.member_id = h.author_id AND a.decision_item_id = h.decided_item) AS appeal
					FROM (SELECT p.id, p.author_id, p.hidden_by IS NULL AS by_flags,
					             (SELECT i.reasons FROM review_item i WHERE i.post_id = p.id AND i.status = 'PENDING'
					              ORDER BY i.id DESC LIMIT 1) AS pending_reasons,
					             (SELECT i.id FROM review_item i
					              WHERE i.post_id = p.id AND i.status = 'HIDDEN' AND i.overturned_at IS NULL ORDER BY i.id DESC LIMIT 1) AS decided_item
					      FROM post p WHERE p.id IN (:ids) AND p.hidden_at IS NOT NULL) h
					""")
			.param("ids", ids)
			.query((rs) -> {
				boolean byFlags = rs.getBoolean("by_flags");
				String pending = rs.getString("pending_reasons");
				List<String> reasons = (byFlags && pending != null) ? Arrays.asList(pending.split(",")) : List.of();
				String appeal = rs.getString("appeal");
				boolean author = rs.getLong("author_id") == viewer.memberId();
				boolean appealable = author && !byFlags && appeal == null && rs.getObject("decided_item") != null;
				notes.put(rs.getLong("id"), new HiddenPostNote(reasons, appealable, author ? appeal : null));
			});
		return notes;
	}

}

package com.rapport.community.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.ParticipationGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members flag posts. Each flag has a weight (see {@link FlagWeight}); when the flags of
 * a post add up to the threshold, the post is hidden at once and waits for a moderator,
 * and its author is told why.
 */
@Service
public class Flags {

	/** The longest note accepted with a flag. */
	public static final int NOTE_MAX = 500;

	private final JdbcClient jdbc;

	private final CategoryService categories;

	private final ReviewItems items;

	private final ModeratedPosts posts;

	private final ReviewSettings settings;

	private final RateLimits limits;

	private final Notifications notifications;

	private final Clock clock;

	private final ObjectProvider<ParticipationGuard> guards;

	Flags(JdbcClient jdbc, CategoryService categories, ReviewItems items, ModeratedPosts posts, ReviewSettings settings,
			RateLimits limits, Notifications notifications, Clock clock, ObjectProvider<ParticipationGuard> guards) {
		this.guards = guards;
		this.jdbc = jdbc;
		this.categories = categories;
		this.items = items;
		this.posts = posts;
		this.settings = settings;
		this.limits = limits;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * What the flag form shows about a post.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 * @param topicTitle its topic's title
	 * @param topicSlug its topic's slug
	 * @param postNumber its place in the topic
	 * @param author who wrote it
	 * @param alreadyFlagged whether the viewer flagged it already
	 */
	public record Flaggable(long postId, long topicId, String topicTitle, String topicSlug, int postNumber,
			String author, boolean alreadyFlagged) {
	}

	/**
	 * The post as the flag form shows it.
	 * @param viewer who wants to flag
	 * @param postId the post
	 * @return the post
	 * @throws RejectedException when there is no such post the viewer may read, or it is
	 * their own
	 */
	public Flaggable flaggable(Viewer viewer, long postId) {
		Object[] row = this.jdbc.sql("""
				SELECT p.id, p.topic_id, t.title, t.slug, p.post_number, m.username, t.category_id, p.author_id,
				       EXISTS (SELECT 1 FROM post_flag f WHERE f.post_id = p.id AND f.flagger_id = ?)
				FROM post p JOIN topic t ON t.id = p.topic_id JOIN member m ON m.id = p.author_id
				WHERE p.id = ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL
				""")
			.params((viewer.memberId() != null) ? viewer.memberId() : 0L, postId)
			.query((rs,
					n) -> new Object[] { new Flaggable(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getInt(5), rs.getString(6), rs.getBoolean(9)), rs.getLong(7), rs.getLong(8) })
			.optional()
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
		if (this.categories.findById((Long) row[1], viewer).isEmpty()) {
			throw new RejectedException("post", "post.notFound");
		}
		if (viewer.memberId() != null && viewer.memberId() == (long) (Long) row[2]) {
			throw new RejectedException("post", "review.flag.ownPost");
		}
		return (Flaggable) row[0];
	}

	/**
	 * Flags a post.
	 * @param viewer who flags
	 * @param postId the post
	 * @param reason why
	 * @param note an explanation (required for {@link FlagReason#OTHER})
	 * @return whether the post is now hidden pending review
	 * @throws RejectedException for a post the viewer cannot flag, a second flag, a
	 * missing note, or too many flags today ({@link RateLimitedException})
	 */
	@Transactional
	public boolean flag(Viewer viewer, long postId, FlagReason reason, String note) {
		if (viewer.isAnonymous() || !viewer.emailVerified()) {
			throw new RejectedException("post", "review.flag.loginRequired");
		}
		this.guards.orderedStream().forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.FLAG));
		if (reason == null) {
			throw new RejectedException("reason", "review.flag.reasonRequired");
		}
		String cleanNote = (note != null) ? note.strip() : "";
		if (reason == FlagReason.OTHER && cleanNote.isEmpty()) {
			throw new RejectedException("note", "review.flag.noteRequired");
		}
		if (cleanNote.codePointCount(0, cleanNote.length()) > NOTE_MAX) {
			throw new RejectedException("note", "review.flag.noteTooLong");
		}
		Flaggable post = flaggable(viewer, postId);
		if (post.alreadyFlagged()) {
			throw new RejectedException("post", "review.flag.already");
		}
		int trustLevel = lockMember(viewer.memberId());
		if (!viewer.isModerator()) {
			this.limits.check(viewer.memberId(), trustLevel, RateLimits.Action.FLAG, "post");
		}
		int[] record = record(viewer.memberId());
		FlagWeight weight = new FlagWeight(trustLevel, viewer.isModerator(), record[0], record[1]);
		ModeratedPosts.PostState state = this.posts.lock(postId)
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
		long itemId = this.items.openForPost(ReviewKind.FLAGGED, postId, state.authorId(), state.categoryId(),
				state.topicId(), "flag:" + reason.name());
		Instant now = this.clock.instant();
		try {
			this.jdbc.sql("""
					INSERT INTO post_flag (post_id, flagger_id, reason, note, weight, trust_level, moderator,
					                       agreed_before, disagreed_before, review_item_id, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(postId, viewer.memberId(), reason.name(), cleanNote.isEmpty() ? null : cleanNote,
						weight.weight(), trustLevel, viewer.isModerator(), record[0], record[1], itemId,
						Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("post", "review.flag.already");
		}
		this.limits.record(viewer.memberId(), RateLimits.Action.FLAG, null);
		BigDecimal score = this.jdbc
			.sql("SELECT COALESCE(SUM(weight), 0) FROM post_flag WHERE review_item_id = ? AND outcome IS NULL")
			.param(itemId)
			.query(BigDecimal.class)
			.single();
		boolean hiddenNow = false;
		if (!state.hidden() && score.compareTo(this.settings.flagThreshold()) >= 0) {
			hiddenNow = this.posts.hide(state, null, null);
			this.items.addReason(itemId, "hidden-by-flags");
			if (hiddenNow) {
				this.notifications.notify(state.authorId(), NotificationKind.POST_HIDDEN, null, state.topicId(),
						state.postNumber());
			}
		}
		this.items.score(itemId, score, state.hidden() || hiddenNow);
		return hiddenNow;
	}

	/**
	 * How the viewer's flags fared: agreed with, not agreed with.
	 * @param memberId the member
	 * @return [agreed, disagreed]
	 */
	int[] record(long memberId) {
		int[] counts = new int[2];
		this.jdbc
			.sql("SELECT outcome, COUNT(*) FROM post_flag WHERE flagger_id = ? AND outcome IN "
					+ "('AGREED', 'DISAGREED') GROUP BY outcome")
			.param(memberId)
			.query((rs) -> {
				counts["AGREED".equals(rs.getString(1)) ? 0 : 1] = rs.getInt(2);
			});
		return counts;
	}

	private int lockMember(long memberId) {
		return this.jdbc.sql("SELECT trust_level FROM member WHERE id = ? FOR UPDATE")
			.param(memberId)
			.query(Integer.class)
			.single();
	}

	/**
	 * A flag as moderators see it.
	 *
	 * @param flagger who flagged
	 * @param reason why
	 * @param note their explanation, or null
	 * @param weight how much it counts and why
	 * @param createdAt when
	 * @param outcome AGREED, DISAGREED, IGNORED or null while open
	 */
	public record FlagView(String flagger, FlagReason reason, String note, FlagWeight weight, Instant createdAt,
			String outcome) {
	}

	/**
	 * The flags of a review item, heaviest first.
	 * @param itemId the item
	 * @return its flags
	 */
	public List<FlagView> ofItem(long itemId) {
		return this.jdbc.sql("""
				SELECT m.username, f.reason, f.note, f.trust_level, f.moderator, f.agreed_before, f.disagreed_before,
				       f.created_at, f.outcome
				FROM post_flag f JOIN member m ON m.id = f.flagger_id
				WHERE f.review_item_id = ? ORDER BY f.weight DESC, f.id
				""")
			.param(itemId)
			.query((rs, n) -> new FlagView(rs.getString(1), FlagReason.valueOf(rs.getString(2)), rs.getString(3),
					new FlagWeight(rs.getInt(4), rs.getBoolean(5), rs.getInt(6), rs.getInt(7)),
					rs.getTimestamp(8).toInstant(), rs.getString(9)))
			.list();
	}

	/** Records the outcome of a decided item's open flags and tells the flaggers. */
	void settle(long itemId, String outcome, long topicId, int postNumber) {
		List<Long> flaggers = this.jdbc
			.sql("SELECT flagger_id FROM post_flag WHERE review_item_id = ? AND outcome IS NULL")
			.param(itemId)
			.query(Long.class)
			.list();
		this.jdbc.sql("UPDATE post_flag SET outcome = ?, decided_at = ? WHERE review_item_id = ? AND outcome IS NULL")
			.params(outcome, Timestamp.from(this.clock.instant()), itemId)
			.update();
		if (!"IGNORED".equals(outcome)) {
			NotificationKind kind = "AGREED".equals(outcome) ? NotificationKind.FLAG_AGREED
					: NotificationKind.FLAG_DECLINED;
			flaggers.forEach((flagger) -> this.notifications.notify(flagger, kind, null, topicId, postNumber));
		}
	}

}

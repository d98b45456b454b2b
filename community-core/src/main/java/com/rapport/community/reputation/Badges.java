package com.rapport.community.reputation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rapport.community.moderation.TrustLevelRaised;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.topic.PostEvents.AnswerAccepted;
import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.community.topic.PostEvents.ReactionAdded;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards badges as members reach milestones, in the transaction of what reached them: a
 * badge is held at most once (the row is unique), its holder count moves with it, and the
 * member gets a personal thank-you notification. Posts read are counted by a periodic
 * sweep, since reading writes only the read position.
 */
@Service
public class Badges {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	Badges(JdbcClient jdbc, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Awards a badge unless the member holds it already.
	 * @param memberId the member
	 * @param badge the badge
	 * @return true when it was awarded now
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean award(long memberId, Badge badge) {
		int added = this.jdbc.sql("""
				INSERT IGNORE INTO member_badge (member_id, badge, awarded_at)
				SELECT id, ?, ? FROM member WHERE id = ?
				""").params(badge.name(), Timestamp.from(this.clock.instant()), memberId).update();
		if (added == 0) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO badge_count (badge, members) VALUES (?, 1) "
					+ "ON DUPLICATE KEY UPDATE members = members + 1")
			.param(badge.name())
			.update();
		this.notifications.notify(memberId, NotificationKind.BADGE_AWARDED, null, "/badges#" + badge.name(),
				badge.name());
		return true;
	}

	/**
	 * @param memberId the member
	 * @return the badges they hold, oldest first
	 */
	public List<HeldBadge> of(long memberId) {
		return this.jdbc
			.sql("SELECT badge, awarded_at FROM member_badge WHERE member_id = ? ORDER BY awarded_at, badge")
			.param(memberId)
			.query((rs, row) -> new HeldBadge(Badge.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()))
			.list();
	}

	/**
	 * @return every badge with how many members hold it, in the order of the badges
	 */
	public List<BadgeHolders> all() {
		Map<Badge, Integer> counts = new EnumMap<>(Badge.class);
		this.jdbc.sql("SELECT badge, members FROM badge_count").query((rs) -> {
			counts.put(Badge.valueOf(rs.getString(1)), rs.getInt(2));
		});
		List<BadgeHolders> all = new ArrayList<>();
		for (Badge badge : Badge.values()) {
			all.add(new BadgeHolders(badge, counts.getOrDefault(badge, 0)));
		}
		return all;
	}

	@EventListener
	void on(PostPublished published) {
		award(published.authorId(), Badge.FIRST_POST);
	}

	@EventListener
	void on(ReactionAdded reaction) {
		award(reaction.memberId(), Badge.FIRST_REACTION);
		if ("LIKE".equals(reaction.reaction())) {
			int likes = this.jdbc.sql("SELECT likes_received FROM member WHERE id = ?")
				.param(reaction.authorId())
				.query(Integer.class)
				.single();
			if (likes >= Badge.LIKES_FOR_BADGE) {
				award(reaction.authorId(), Badge.TEN_LIKES_RECEIVED);
			}
		}
	}

	@EventListener
	void on(AnswerAccepted accepted) {
		award(accepted.answerAuthorId(), Badge.FIRST_ACCEPTED_ANSWER);
	}

	@EventListener
	void on(TrustLevelRaised raised) {
		this.jdbc.sql("SELECT username FROM member WHERE id = ?")
			.param(raised.memberId())
			.query(String.class)
			.optional()
			.ifPresent((username) -> this.notifications.notify(raised.memberId(), NotificationKind.TRUST_LEVEL_RAISED,
					null, "/u/" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8),
					Integer.toString(raised.level())));
		Badge badge = Badge.forTrustLevel(raised.level());
		if (badge != null) {
			award(raised.memberId(), badge);
		}
	}

	/**
	 * Awards the posts-read badge to members who read enough. Only members seen since
	 * yesterday are counted, so a sweep reads the rows of the active members only.
	 * @return how many were awarded
	 */
	@Scheduled(fixedDelayString = "${rapport.reputation.badge-sweep-interval:5m}")
	@Transactional
	public int awardReaders() {
		List<Long> readers = this.jdbc.sql("""
				SELECT tm.member_id FROM topic_member tm
				WHERE tm.member_id IN (SELECT v.member_id FROM member_visit_day v WHERE v.day >= ?)
				  AND NOT EXISTS (SELECT 1 FROM member_badge b WHERE b.member_id = tm.member_id AND b.badge = ?)
				GROUP BY tm.member_id
				HAVING SUM(tm.last_read_post_number) >= ?
				""")
			.params(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(2),
					Badge.HUNDRED_POSTS_READ.name(), Badge.POSTS_READ_FOR_BADGE)
			.query(Long.class)
			.list();
		int awarded = 0;
		for (long reader : readers) {
			if (award(reader, Badge.HUNDRED_POSTS_READ)) {
				awarded++;
			}
		}
		return awarded;
	}

}

package com.rapport.community.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The topics a new member is shown to find their way in: the most liked and answered of
 * the last month in the categories they follow (track or watch, subcategories included),
 * or across the community when they follow none or those are quiet. Only topics of open
 * categories every member may read are listed.
 */
@Service
public class PopularTopics {

	private static final Duration PERIOD = Duration.ofDays(30);

	private static final String POPULAR = """
			SELECT t.id, t.slug, t.title, t.reply_count, t.like_count, c.name
			FROM topic t JOIN category c ON c.id = t.category_id
			WHERE t.deleted_at IS NULL AND c.archived_at IS NULL AND c.read_role IN ('ANYONE', 'MEMBER')
			  AND t.last_posted_at > :since
			""";

	private static final String FOLLOWED = """
			  AND EXISTS (SELECT 1 FROM category_member cm WHERE cm.member_id = :member AND cm.level >= 2
			              AND cm.category_id IN (c.id, c.parent_id))
			""";

	private static final String ORDER = " ORDER BY t.like_count + t.reply_count DESC, t.id DESC LIMIT :limit";

	private final JdbcClient jdbc;

	private final Clock clock;

	PopularTopics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param memberId the new member
	 * @param limit at most this many
	 * @return the popular topics, and whether they come from the categories the member
	 * follows
	 */
	public Popular forMember(long memberId, int limit) {
		List<PopularTopic> followed = query(POPULAR + FOLLOWED + ORDER, memberId, limit);
		if (!followed.isEmpty()) {
			return new Popular(followed, true);
		}
		return new Popular(query(POPULAR + ORDER, memberId, limit), false);
	}

	private List<PopularTopic> query(String sql, long memberId, int limit) {
		return this.jdbc.sql(sql)
			.param("since", Timestamp.from(this.clock.instant().minus(PERIOD)))
			.param("member", memberId)
			.param("limit", limit)
			.query((rs, n) -> new PopularTopic(new TopicRef(rs.getLong(1), rs.getString(2)), rs.getString(3),
					rs.getInt(4), rs.getInt(5), rs.getString(6)))
			.list();
	}

	/**
	 * The popular topics shown to a member.
	 *
	 * @param topics most popular first
	 * @param fromFollowedCategories true when they come from the categories the member
	 * follows, false when from the whole community
	 */
	public record Popular(List<PopularTopic> topics, boolean fromFollowedCategories) {

		public Popular {
			topics = List.copyOf(topics);
		}

	}

	/**
	 * A popular topic.
	 *
	 * @param ref its link
	 * @param title its title
	 * @param replies how many replies
	 * @param likes how many likes its posts received
	 * @param category its category's name
	 */
	public record PopularTopic(TopicRef ref, String title, int replies, int likes, String category) {
	}

}

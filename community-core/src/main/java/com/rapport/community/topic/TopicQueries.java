package com.rapport.community.topic;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Topic lists and topic pages, read with explicit SQL. Lists page by keyset (last
 * activity, id), so a deep page costs what the first one does.
 */
@Service
public class TopicQueries {

	public static final int PAGE_SIZE = 30;

	public static final int POSTS_PER_PAGE = 20;

	private static final String SUMMARY = """
			SELECT t.id, t.title, t.slug, c.slug AS category_slug, c.name AS category_name, c.color,
			       a.username AS author, l.username AS last_poster, t.reply_count, t.view_count, t.like_count,
			       t.created_at, t.last_posted_at, t.pinned_at IS NOT NULL AS pinned,
			       t.closed_at IS NOT NULL AS closed, t.solved_post_id IS NOT NULL AS solved,
			       (t.archived_at IS NOT NULL OR c.archived_at IS NOT NULL) AS archived,
			       c.kind = 'IDEAS' AS idea, t.vote_count, t.idea_status
			FROM topic t
			JOIN category c ON c.id = t.category_id
			JOIN member a ON a.id = t.author_id
			JOIN member l ON l.id = t.last_poster_id
			""";

	private static final String POSTS = """
			SELECT p.id, p.post_number, m.username, COALESCE(m.display_name, m.username) AS author_name,
			       m.trust_level, m.reputation, m.avatar_version, p.cooked, p.created_at, p.updated_at, p.like_count, r.post_number AS reply_to,
			       p.deleted_at IS NOT NULL AS deleted, p.revision_count,
			       p.hidden_at IS NOT NULL AS hidden, p.hidden_reason, p.edit_notice, p.author_id,
			       p.hidden_at IS NOT NULL AND p.hidden_by IS NULL AS hidden_by_flags
			FROM post p
			JOIN member m ON m.id = p.author_id
			LEFT JOIN post r ON r.id = p.reply_to_post_id
			""";

	private final JdbcClient jdbc;

	private final CategoryService categories;

	private final Clock clock;

	TopicQueries(JdbcClient jdbc, CategoryService categories, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.clock = clock;
	}

	/**
	 * Topics across the categories the viewer may read.
	 * @param viewer who looks
	 * @param query order and filters
	 * @param cursor null for the first page, else a page's {@code nextCursor}
	 * @return one page
	 */
	public TopicListPage latest(Viewer viewer, TopicListQuery query, String cursor) {
		List<Long> readable = this.categories.visibleTo(viewer).stream().map(Category::id).toList();
		return list(readable, query, cursor, true, null);
	}

	/**
	 * Topics with one tag, across the categories the viewer may read: sorted, filtered
	 * and paged like {@link #latest(Viewer, TopicListQuery, String)}.
	 * @param viewer who looks
	 * @param tagId the tag
	 * @param query order and filters
	 * @param cursor null for the first page, else a page's {@code nextCursor}
	 * @return one page
	 */
	public TopicListPage withTag(Viewer viewer, long tagId, TopicListQuery query, String cursor) {
		List<Long> readable = this.categories.visibleTo(viewer).stream().map(Category::id).toList();
		return list(readable, query, cursor, true, tagId);
	}

	/**
	 * Latest topics across the categories the viewer may read.
	 * @param viewer who looks
	 * @param cursor null for the first page, else a page's {@code nextCursor}
	 * @return one page
	 */
	public TopicListPage latest(Viewer viewer, String cursor) {
		return latest(viewer, TopicListQuery.LATEST, cursor);
	}

	/**
	 * Topics of one category.
	 * @param category the category, already checked readable
	 * @param query order and filters
	 * @param cursor null for the first page, else a page's {@code nextCursor}
	 * @return one page
	 */
	public TopicListPage inCategory(Category category, TopicListQuery query, String cursor) {
		return list(List.of(category.id()), query, cursor, false, null);
	}

	/**
	 * Latest topics of one category.
	 * @param category the category, already checked readable
	 * @param cursor null for the first page, else a page's {@code nextCursor}
	 * @return one page
	 */
	public TopicListPage inCategory(Category category, String cursor) {
		return inCategory(category, TopicListQuery.LATEST, cursor);
	}

	private TopicListPage list(List<Long> categoryIds, TopicListQuery query, String cursor, boolean acrossCategories,
			Long tagId) {
		if (categoryIds.isEmpty()) {
			return new TopicListPage(List.of(), null);
		}
		Optional<Cursor> after = Cursor.decode(cursor);
		StringBuilder where = new StringBuilder(" WHERE t.category_id IN (:ids) AND t.deleted_at IS NULL");
		if (tagId != null) {
			// the tag's rows come from the (tag_id, topic_id) key; the topics then by id
			where.append(" AND t.id IN (SELECT tt.topic_id FROM topic_tag tt WHERE tt.tag_id = :tag)");
		}
		if (query.solved() != null) {
			where.append(query.solved() ? " AND t.solved_post_id IS NOT NULL" : " AND t.solved_post_id IS NULL");
		}
		List<TopicSummary> topics = new ArrayList<>();
		boolean pinnedFirst = query.order() == TopicListQuery.Order.LATEST
				|| query.order() == TopicListQuery.Order.VOTES;
		// a topic pinned in its category is on top of that category's list; one pinned
		// globally also on top of the list across categories
		String pinnedHere = acrossCategories ? "t.pinned_at IS NOT NULL AND t.pinned_globally"
				: "t.pinned_at IS NOT NULL";
		if (after.isEmpty() && pinnedFirst) {
			topics.addAll(this.jdbc.sql(SUMMARY + where + " AND " + pinnedHere + " ORDER BY t.pinned_at DESC LIMIT 10")
				.param("ids", categoryIds)
				.param("tag", tagId)
				.query(TopicQueries::summary)
				.list());
		}
		if (pinnedFirst) {
			where.append(acrossCategories ? " AND (t.pinned_at IS NULL OR NOT t.pinned_globally)"
					: " AND t.pinned_at IS NULL");
		}
		String sortKey = switch (query.order()) {
			case LATEST -> "t.last_posted_at";
			case NEWEST -> "t.created_at";
			case TOP -> "(t.reply_count + t.like_count)";
			case VOTES -> "t.vote_count";
		};
		if (query.order() == TopicListQuery.Order.TOP && query.period().length() != null) {
			where.append(" AND t.created_at >= :since");
		}
		if (after.isPresent()) {
			// spelled out rather than as a row comparison, which MariaDB does not turn
			// into
			// an index range: this way a deep page reads only its own rows
			where.append(" AND (")
				.append(sortKey)
				.append(" < :key OR (")
				.append(sortKey)
				.append(" = :key AND t.id < :id))");
		}
		var statement = this.jdbc.sql(SUMMARY + where + " ORDER BY " + sortKey + " DESC, t.id DESC LIMIT :limit")
			.param("ids", categoryIds)
			.param("tag", tagId)
			.param("limit", PAGE_SIZE + 1);
		if (query.order() == TopicListQuery.Order.TOP && query.period().length() != null) {
			statement = statement.param("since", Timestamp.from(this.clock.instant().minus(query.period().length())));
		}
		if (after.isPresent()) {
			boolean counted = query.order() == TopicListQuery.Order.TOP || query.order() == TopicListQuery.Order.VOTES;
			Object key = counted ? (Object) after.get().primary()
					: Timestamp.from(Instant.ofEpochSecond(after.get().primary(), after.get().secondary()));
			statement = statement.param("key", key).param("id", after.get().id());
		}
		List<TopicSummary> page = new ArrayList<>(statement.query(TopicQueries::summary).list());
		String next = null;
		if (page.size() > PAGE_SIZE) {
			page = page.subList(0, PAGE_SIZE);
			TopicSummary last = page.get(PAGE_SIZE - 1);
			next = switch (query.order()) {
				case LATEST -> Cursor.of(last.lastPostedAt(), last.id()).encode();
				case NEWEST -> Cursor.of(last.createdAt(), last.id()).encode();
				case TOP -> new Cursor(last.replyCount() + last.likeCount(), 0, last.id()).encode();
				case VOTES -> new Cursor(last.voteCount(), 0, last.id()).encode();
			};
		}
		topics.addAll(page);
		return new TopicListPage(List.copyOf(topics), next);
	}

	/**
	 * A topic page, when the viewer may read the topic.
	 * @param viewer who looks
	 * @param topicId the topic
	 * @param page the page of posts, from 1
	 * @return the page, or empty when there is no such topic for this viewer
	 */
	public Optional<TopicView> topic(Viewer viewer, long topicId, int page) {
		Optional<Long> categoryId = this.jdbc.sql("SELECT category_id FROM topic WHERE id = ? AND deleted_at IS NULL")
			.param(topicId)
			.query(Long.class)
			.optional();
		Optional<Category> category = categoryId.flatMap((id) -> this.categories.findById(id, viewer));
		if (category.isEmpty()) {
			return Optional.empty();
		}
		TopicSummary summary = this.jdbc.sql(SUMMARY + " WHERE t.id = ?")
			.param(topicId)
			.query(TopicQueries::summary)
			.single();
		int postCount = summary.replyCount() + 1;
		int pageCount = Math.max(1, (postCount + POSTS_PER_PAGE - 1) / POSTS_PER_PAGE);
		int current = Math.min(Math.max(page, 1), pageCount);
		List<PostView> posts = this.jdbc.sql(POSTS + """
				WHERE p.topic_id = :topic AND p.post_number BETWEEN :first AND :last
				  AND (p.hidden_at IS NULL OR p.hidden_by IS NULL OR :moderator OR p.author_id = :viewer)
				  AND (p.deleted_at IS NULL OR :moderator)
				ORDER BY p.post_number
				""")
			.param("topic", topicId)
			.param("viewer", (viewer.memberId() != null) ? viewer.memberId() : -1L)
			.param("first", (current - 1) * POSTS_PER_PAGE + 1)
			.param("last", current * POSTS_PER_PAGE)
			.param("moderator", viewer.isModerator())
			.query((rs, n) -> {
				PostView post = post(rs, n);
				// a post hidden by flags keeps its place; others than its author and the
				// moderators see that it is hidden pending review, not what it says
				boolean mayRead = viewer.isModerator()
						|| (viewer.memberId() != null && rs.getLong("author_id") == viewer.memberId());
				return (post.hidden() && !mayRead) ? post.withoutContent() : post;
			})
			.list();
		PostView answer = null;
		if (summary.solved()) {
			answer = this.jdbc
				.sql(POSTS + " WHERE p.id = (SELECT solved_post_id FROM topic WHERE id = :topic)"
						+ " AND p.deleted_at IS NULL AND p.hidden_at IS NULL")
				.param("topic", topicId)
				.query(TopicQueries::post)
				.optional()
				.orElse(null);
		}
		boolean canReply = category.get().repliableBy(viewer) && (!summary.closed() || viewer.isModerator());
		return Optional.of(new TopicView(summary, category.get(), posts, current, pageCount, canReply, answer));
	}

	/**
	 * The newest topics with their first post, for a news feed.
	 * @param viewer who reads the feed (feeds are read anonymously)
	 * @param category one category, or null for all the viewer may read
	 * @param limit how many
	 * @return newest first
	 */
	public List<FeedEntry> feed(Viewer viewer, Category category, int limit) {
		List<Long> ids = (category != null) ? List.of(category.id())
				: this.categories.visibleTo(viewer).stream().map(Category::id).toList();
		return feed(ids, null, limit);
	}

	/**
	 * The newest topics with one tag and their first post, for a news feed.
	 * @param viewer who reads the feed (feeds are read anonymously)
	 * @param tagId the tag
	 * @param limit how many
	 * @return newest first
	 */
	public List<FeedEntry> feedWithTag(Viewer viewer, long tagId, int limit) {
		return feed(this.categories.visibleTo(viewer).stream().map(Category::id).toList(), tagId, limit);
	}

	private List<FeedEntry> feed(List<Long> ids, Long tagId, int limit) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String tagged = (tagId != null) ? " AND t.id IN (SELECT tt.topic_id FROM topic_tag tt WHERE tt.tag_id = :tag)"
				: "";
		return this.jdbc.sql("""
				SELECT t.id, t.slug, t.title, m.username, c.name, p.cooked, t.created_at, t.last_posted_at
				FROM topic t
				JOIN category c ON c.id = t.category_id
				JOIN member m ON m.id = t.author_id
				JOIN post p ON p.topic_id = t.id AND p.post_number = 1
				WHERE t.category_id IN (:ids) AND t.deleted_at IS NULL
				""" + tagged + " ORDER BY t.created_at DESC, t.id DESC LIMIT :limit")
			.param("ids", ids)
			.param("tag", tagId)
			.param("limit", limit)
			.query((rs, n) -> new FeedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/**
	 * A member's latest topics and replies the viewer may read, for the profile page.
	 * @param viewer who looks
	 * @param memberId whose
	 * @param limit how many of each
	 * @return topics started and posts written, newest first
	 */
	public MemberActivity activityOf(Viewer viewer, long memberId, int limit) {
		List<Long> ids = this.categories.visibleTo(viewer).stream().map(Category::id).toList();
		if (ids.isEmpty()) {
			return new MemberActivity(List.of(), List.of());
		}
		List<TopicSummary> topics = this.jdbc
			.sql(SUMMARY + " WHERE t.author_id = :member AND t.category_id IN (:ids) AND t.deleted_at IS NULL"
					+ " ORDER BY t.created_at DESC LIMIT :limit")
			.param("member", memberId)
			.param("ids", ids)
			.param("limit", limit)
			.query(TopicQueries::summary)
			.list();
		List<MemberActivity.RecentPost> posts = this.jdbc.sql("""
				SELECT p.id, t.id, t.slug, t.title, p.post_number, p.raw, p.created_at
				FROM post p JOIN topic t ON t.id = p.topic_id
				WHERE p.author_id = :member AND p.post_number > 1 AND t.category_id IN (:ids)
				  AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL
				ORDER BY p.created_at DESC LIMIT :limit
				""")
			.param("member", memberId)
			.param("ids", ids)
			.param("limit", limit)
			.query((rs, n) -> new MemberActivity.RecentPost(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), excerpt(rs.getString(6)), rs.getTimestamp(7).toInstant()))
			.list();
		return new MemberActivity(topics, posts);
	}

	private static String excerpt(String raw) {
		String flat = raw.replaceAll("\\s+", " ").strip();
		return (flat.length() > 200) ? flat.substring(0, 199) + "…" : flat;
	}

	/**
	 * A post's text as a Markdown quote that links back to it, to start a reply with.
	 * @param viewer who quotes
	 * @param topicId the topic
	 * @param postNumber the quoted post
	 * @return the quote, or empty when there is no such post for this viewer
	 */
	public Optional<String> quote(Viewer viewer, long topicId, int postNumber) {
		return this.jdbc
			.sql("SELECT p.raw, m.username, t.slug, t.category_id FROM post p JOIN topic t ON t.id = p.topic_id "
					+ "JOIN member m ON m.id = p.author_id WHERE p.topic_id = ? AND p.post_number = ? "
					+ "AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL")
			.params(topicId, postNumber)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4) })
			.optional()
			.filter((row) -> this.categories.findById((Long) row[3], viewer).isPresent())
			.map((row) -> {
				StringBuilder quote = new StringBuilder();
				for (String line : ((String) row[0]).split("\n", -1)) {
					quote.append("> ").append(line).append('\n');
				}
				int page = (postNumber - 1) / POSTS_PER_PAGE + 1;
				quote.append(">\n> — [@")
					.append(row[1])
					.append(", #")
					.append(postNumber)
					.append("](/t/")
					.append(java.net.URLEncoder.encode((String) row[2], java.nio.charset.StandardCharsets.UTF_8)
						.replace("+", "%20"))
					.append('/')
					.append(topicId)
					.append("?page=")
					.append(page)
					.append("#post-")
					.append(postNumber)
					.append(")\n\n");
				return quote.toString();
			});
	}

	/**
	 * Where a post is: its topic, its page, its number, for permalinks.
	 * @param viewer who asks
	 * @param postId the post
	 * @return the location, or empty when the viewer may not see the post
	 */
	public Optional<PostLocation> locate(Viewer viewer, long postId) {
		return this.jdbc.sql(
				"SELECT p.topic_id, t.slug, p.post_number, t.category_id FROM post p JOIN topic t ON t.id = p.topic_id "
						+ "WHERE p.id = ? AND t.deleted_at IS NULL AND (p.hidden_at IS NULL OR ?)")
			.params(postId, viewer.isModerator())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4) })
			.optional()
			.filter((row) -> this.categories.findById((Long) row[3], viewer).isPresent())
			.map((row) -> new PostLocation((Long) row[0], (String) row[1], (Integer) row[2],
					((Integer) row[2] - 1) / POSTS_PER_PAGE + 1));
	}

	/**
	 * Where a post is.
	 *
	 * @param topicId its topic
	 * @param slug the topic's URL name
	 * @param postNumber its number
	 * @param page the topic page that shows it
	 */
	public record PostLocation(long topicId, String slug, int postNumber, int page) {
	}

	private static TopicSummary summary(ResultSet rs, int row) throws SQLException {
		return new TopicSummary(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
				rs.getString("category_slug"), rs.getString("category_name"), rs.getString("color"),
				rs.getString("author"), rs.getString("last_poster"), rs.getInt("reply_count"), rs.getInt("view_count"),
				rs.getInt("like_count"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("last_posted_at").toInstant(), rs.getBoolean("pinned"), rs.getBoolean("closed"),
				rs.getBoolean("solved"), rs.getBoolean("archived"), rs.getBoolean("idea"), rs.getInt("vote_count"),
				rs.getString("idea_status"));
	}

	private static PostView post(ResultSet rs, int row) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		int replyTo = rs.getInt("reply_to");
		Integer replyToNumber = rs.wasNull() ? null : replyTo;
		return new PostView(rs.getLong("id"), rs.getInt("post_number"), rs.getString("username"),
				rs.getString("author_name"), rs.getInt("trust_level"), rs.getString("cooked"),
				rs.getTimestamp("created_at").toInstant(), (updated != null) ? updated.toInstant() : null,
				rs.getInt("like_count"), replyToNumber, rs.getBoolean("deleted"), rs.getInt("revision_count"),
				rs.getBoolean("hidden"), rs.getString("hidden_reason"), rs.getString("edit_notice"),
				rs.getBoolean("hidden_by_flags"), false, rs.getInt("reputation"), rs.getInt("avatar_version"));
	}

	/**
	 * Where a topic list page ends: the last topic's activity time and id.
	 */
	record Cursor(long primary, long secondary, long id) {

		static Cursor of(Instant at, long id) {
			return new Cursor(at.getEpochSecond(), at.getNano(), id);
		}

		String encode() {
			String raw = this.primary + "." + this.secondary + "." + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
		}

		static Optional<Cursor> decode(String cursor) {
			if (cursor == null || cursor.isBlank() || cursor.length() > 64) {
				return Optional.empty();
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)
					.split("\\.");
				if (parts.length != 3) {
					return Optional.empty();
				}
				return Optional
					.of(new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
	}

}

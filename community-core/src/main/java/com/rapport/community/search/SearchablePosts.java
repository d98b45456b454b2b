package com.rapport.community.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads posts for the index and for result pages, straight from the database. A post is
 * searchable while readers can see it: neither it nor its topic's first post is deleted
 * or hidden, and its topic is not deleted.
 */
@Component
class SearchablePosts {

	private static final String VISIBLE = """
			FROM post p
			JOIN topic t ON t.id = p.topic_id
			JOIN post f ON f.topic_id = p.topic_id AND f.post_number = 1
			JOIN member m ON m.id = p.author_id
			WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL
			  AND f.deleted_at IS NULL AND f.hidden_at IS NULL
			""";

	// STRAIGHT_JOIN keeps post first: otherwise MariaDB starts from topic and sorts every
	// post of the forum for each batch of the rebuild (seconds instead of milliseconds)
	private static final String INDEXED = """
			SELECT STRAIGHT_JOIN p.id, p.topic_id, p.post_number, t.category_id, m.username, p.created_at,
			       t.solved_post_id IS NOT NULL AS solved, t.title, p.cooked,
			       (SELECT GROUP_CONCAT(g.name SEPARATOR ',') FROM topic_tag tt JOIN tag g ON g.id = tt.tag_id
			        WHERE tt.topic_id = t.id) AS tags
			""" + VISIBLE;

	private final JdbcClient jdbc;

	SearchablePosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param postId a post
	 * @return the post as indexed, or empty when readers cannot see it (or it does not
	 * exist)
	 */
	Optional<IndexedPost> visible(long postId) {
		return this.jdbc.sql(INDEXED + " AND p.id = ?").param(postId).query(SearchablePosts::indexed).optional();
	}

	/**
	 * @param topicId a topic
	 * @return its posts readers can see, empty when the topic is gone
	 */
	List<IndexedPost> visibleInTopic(long topicId) {
		return this.jdbc.sql(INDEXED + " AND p.topic_id = ? ORDER BY p.post_number")
			.param(topicId)
			.query(SearchablePosts::indexed)
			.list();
	}

	/**
	 * One batch of a walk through all posts, by id.
	 * @param afterId the last id of the previous batch, 0 at first
	 * @param limit the batch size
	 * @return the next posts readers can see, by id
	 */
	List<IndexedPost> visibleAfter(long afterId, int limit) {
		return this.jdbc.sql(INDEXED + " AND p.id > ? ORDER BY p.id LIMIT ?")
			.params(afterId, limit)
			.query(SearchablePosts::indexed)
			.list();
	}

	/**
	 * @return the highest post id, 0 without posts
	 */
	long maxId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM post").query(Long.class).single();
	}

	/**
	 * @param postId a post
	 * @return whether it opens its topic
	 */
	boolean isFirstPost(long postId) {
		return this.jdbc.sql("SELECT post_number FROM post WHERE id = ?")
			.param(postId)
			.query(Integer.class)
			.optional()
			.map((number) -> number == 1)
			.orElse(false);
	}

	/**
	 * What a result page shows of the posts found, as it is now.
	 * @param postIds posts found by the index
	 * @return the ones readers can still see, by id
	 */
	Map<Long, Listing> listings(Collection<Long> postIds) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT STRAIGHT_JOIN p.id, p.post_number, p.created_at, m.username, t.id AS topic_id, t.slug, t.title,
				       t.solved_post_id IS NOT NULL AS solved, t.category_id
				""" + VISIBLE + " AND p.id IN (:ids)")
			.param("ids", postIds)
			.query(SearchablePosts::listing)
			.list()
			.stream()
			.collect(Collectors.toMap(Listing::postId, Function.identity()));
	}

	/**
	 * The topics suggested as similar to a title, as they are now.
	 * @param topicIds topics found by the index
	 * @param categoryIds the categories the reader may read
	 * @return the ones still visible in those categories, by id
	 */
	Map<Long, SimilarTopic> similarTopics(Collection<Long> topicIds, Collection<Long> categoryIds) {
		if (topicIds.isEmpty() || categoryIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT t.id, t.slug, t.title, c.name, t.reply_count, t.solved_post_id IS NOT NULL AS solved
				FROM topic t
				JOIN category c ON c.id = t.category_id
				JOIN post f ON f.topic_id = t.id AND f.post_number = 1
				WHERE t.id IN (:topics) AND t.category_id IN (:categories) AND t.deleted_at IS NULL
				  AND f.deleted_at IS NULL AND f.hidden_at IS NULL
				""")
			.param("topics", topicIds)
			.param("categories", categoryIds)
			.query((rs, n) -> new SimilarTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getBoolean(6)))
			.list()
			.stream()
			.collect(Collectors.toMap(SimilarTopic::topicId, Function.identity()));
	}

	private static IndexedPost indexed(ResultSet rs, int row) throws SQLException {
		return new IndexedPost(rs.getLong("id"), rs.getLong("topic_id"), rs.getInt("post_number"),
				rs.getLong("category_id"), rs.getString("username"), rs.getTimestamp("created_at").toInstant(),
				rs.getBoolean("solved"), rs.getString("title"), plainText(rs.getString("cooked")),
				tags(rs.getString("tags")));
	}

	private static Listing listing(ResultSet rs, int row) throws SQLException {
		return new Listing(rs.getLong("id"), rs.getInt("post_number"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("username"), rs.getLong("topic_id"), rs.getString("slug"), rs.getString("title"),
				rs.getBoolean("solved"), rs.getLong("category_id"));
	}

	/** Tag names hold no comma, so the concatenation splits back exactly. */
	private static List<String> tags(String concatenated) {
		return (concatenated == null || concatenated.isEmpty()) ? List.of() : List.of(concatenated.split(","));
	}

	/** The text readers see: the rendered post without its markup. */
	private static String plainText(String cooked) {
		return Jsoup.parseBodyFragment(cooked).text();
	}

	/**
	 * A post found, as a result page shows it.
	 *
	 * @param postId the post
	 * @param postNumber its place in the topic
	 * @param createdAt when it was written
	 * @param author its author's username
	 * @param topicId its topic
	 * @param topicSlug the topic's URL name
	 * @param topicTitle the topic's title
	 * @param solved whether the topic has an accepted answer
	 * @param categoryId the topic's category
	 */
	record Listing(long postId, int postNumber, Instant createdAt, String author, long topicId, String topicSlug,
			String topicTitle, boolean solved, long categoryId) {
	}

}

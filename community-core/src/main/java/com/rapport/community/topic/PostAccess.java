package com.rapport.community.topic;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a post for someone who wants to act on it, refusing what they may not read.
 */
@Component
class PostAccess {

	private final JdbcClient jdbc;

	private final CategoryService categories;

	PostAccess(JdbcClient jdbc, CategoryService categories) {
		this.jdbc = jdbc;
		this.categories = categories;
	}

	/**
	 * @throws RejectedException with {@code post.notFound} when there is no such post the
	 * viewer may read
	 */
	PostRef readable(Viewer viewer, long postId) {
		PostRef post = this.jdbc
			.sql("SELECT p.id, p.topic_id, p.post_number, p.author_id, t.author_id, t.category_id, p.raw, t.title, "
					+ "p.version, p.deleted_at IS NOT NULL, t.closed_at IS NOT NULL FROM post p "
					+ "JOIN topic t ON t.id = p.topic_id WHERE p.id = ? AND t.deleted_at IS NULL "
					+ "AND (p.hidden_at IS NULL OR ?)")
			.params(postId, viewer.isModerator())
			.query((rs, n) -> new PostRef(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getBoolean(10),
					rs.getBoolean(11)))
			.optional()
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
		Category category = this.categories.findById(post.categoryId(), viewer)
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
		if (post.deleted() && !viewer.isModerator() && !viewer.isAnonymous() && post.authorId() != viewer.memberId()) {
			throw new RejectedException("post", "post.notFound");
		}
		return post.withCategory(category);
	}

	long postId(long topicId, int postNumber) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = ?")
			.params(topicId, postNumber)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
	}

	record PostRef(long id, long topicId, int postNumber, long authorId, long topicAuthorId, long categoryId,
			String raw, String title, int version, boolean deleted, boolean topicClosed, Category category) {

		PostRef(long id, long topicId, int postNumber, long authorId, long topicAuthorId, long categoryId, String raw,
				String title, int version, boolean deleted, boolean topicClosed) {
			this(id, topicId, postNumber, authorId, topicAuthorId, categoryId, raw, title, version, deleted,
					topicClosed, null);
		}

		PostRef withCategory(Category category) {
			return new PostRef(this.id, this.topicId, this.postNumber, this.authorId, this.topicAuthorId,
					this.categoryId, this.raw, this.title, this.version, this.deleted, this.topicClosed, category);
		}

	}

}

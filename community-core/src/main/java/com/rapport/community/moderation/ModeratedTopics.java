package com.rapport.community.moderation;

import java.util.Optional;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every moderator tool on topics needs: the topic locked for the change (refused for
 * a non-moderator or a topic that is gone), the category it goes to, and the category
 * counters kept right when topics or posts change category. Used by
 * {@link TopicModeration} and {@link TopicRestructuring} inside their transactions.
 */
@Component
class ModeratedTopics {

	private final JdbcClient jdbc;

	private final CategoryService categories;

	ModeratedTopics(JdbcClient jdbc, CategoryService categories) {
		this.jdbc = jdbc;
		this.categories = categories;
	}

	TopicState lock(Viewer viewer, long topicId) {
		ModerationGuard.requireModerator(viewer);
		return lockOptional(topicId).orElseThrow(() -> new RejectedException("topic", "mod.topic.notFound"));
	}

	Optional<TopicState> lockOptional(long topicId) {
		return this.jdbc
			.sql("SELECT id, category_id, author_id, title, pinned_at IS NOT NULL, pinned_globally, "
					+ "closed_at IS NOT NULL, archived_at IS NOT NULL FROM topic "
					+ "WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
			.param(topicId)
			.query((rs, n) -> new TopicState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)))
			.optional();
	}

	Category target(Viewer viewer, long categoryId) {
		return this.categories.findById(categoryId, viewer)
			.filter((c) -> !c.archived())
			.orElseThrow(() -> new RejectedException("categoryId", "mod.category.notFound"));
	}

	long firstPostId(long topicId) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? ORDER BY post_number LIMIT 1")
			.param(topicId)
			.query(Long.class)
			.single();
	}

	void shiftCategoryCounts(Long from, Long to, int topics, int posts) {
		if (from != null) {
			this.jdbc
				.sql("UPDATE category SET topic_count = GREATEST(topic_count - ?, 0), "
						+ "post_count = GREATEST(post_count - ?, 0) WHERE id = ?")
				.params(topics, posts, from)
				.update();
		}
		if (to != null) {
			this.jdbc.sql("UPDATE category SET topic_count = topic_count + ?, post_count = post_count + ? WHERE id = ?")
				.params(topics, posts, to)
				.update();
		}
	}

}

package com.rapport.community.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.community.topic.PostEvents.PostRestored;
import com.rapport.community.topic.PostPoints;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hides, shows, deletes and restores posts on behalf of the review queue, keeping the
 * counters shown on lists and telling search (through the post events) in the same
 * transaction. Hidden and deleted posts are out of every reader's view: topic pages,
 * lists, search and feeds already leave them out.
 */
@Component
class ModeratedPosts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PostPoints points;

	ModeratedPosts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, PostPoints points) {
		this.points = points;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	record PostState(long id, long topicId, int postNumber, long authorId, long categoryId, boolean hidden,
			boolean deleted) {
	}

	Optional<PostState> lock(long postId) {
		return this.jdbc
			.sql("SELECT p.id, p.topic_id, p.post_number, p.author_id, t.category_id, p.hidden_at IS NOT NULL, "
					+ "p.deleted_at IS NOT NULL FROM post p JOIN topic t ON t.id = p.topic_id WHERE p.id = ? "
					+ "FOR UPDATE")
			.param(postId)
			.query((rs, n) -> new PostState(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
					rs.getBoolean(6), rs.getBoolean(7)))
			.optional();
	}

	/**
	 * Hides a post from readers.
	 * @param post the post, locked
	 * @param moderatorId who hid it, or null when flags did
	 * @param reason the reason its author reads, or null
	 * @return whether the post was visible until now
	 */
	boolean hide(PostState post, Long moderatorId, String reason) {
		if (post.hidden()) {
			return false;
		}
		this.jdbc.sql("UPDATE post SET hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), moderatorId, reason, post.id())
			.update();
		this.events.publishEvent(new PostRemoved(post.id(), post.topicId()));
		return !post.deleted();
	}

	/**
	 * @return whether the post was hidden until now
	 */
	boolean unhide(PostState post) {
		if (!post.hidden()) {
			return false;
		}
		this.jdbc.sql("UPDATE post SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = ?")
			.param(post.id())
			.update();
		this.events.publishEvent(new PostRestored(post.id(), post.topicId()));
		return true;
	}

	void delete(PostState post, long moderatorId) {
		if (post.deleted()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.points.deleting(post.id());
		this.jdbc.sql("UPDATE post SET deleted_at = ?, deleted_by = ? WHERE id = ?")
			.params(now, moderatorId, post.id())
			.update();
		if (post.postNumber() == 1) {
			this.jdbc.sql("UPDATE topic SET deleted_at = ? WHERE id = ?").params(now, post.topicId()).update();
			this.jdbc.sql("UPDATE category SET topic_count = GREATEST(topic_count - 1, 0) WHERE id = ?")
				.param(post.categoryId())
				.update();
		}
		else {
			this.jdbc
				.sql("UPDATE topic SET reply_count = GREATEST(reply_count - 1, 0), "
						+ "solved_post_id = IF(solved_post_id = ?, NULL, solved_post_id) WHERE id = ?")
				.params(post.id(), post.topicId())
				.update();
		}
		this.events.publishEvent(new PostRemoved(post.id(), post.topicId()));
	}

	/** Shows a post again that was hidden or deleted. */
	void restore(PostState post) {
		if (post.deleted()) {
			this.jdbc
				.sql("UPDATE post SET deleted_at = NULL, deleted_by = NULL, hidden_at = NULL, hidden_by = NULL, "
						+ "hidden_reason = NULL WHERE id = ?")
				.param(post.id())
				.update();
			this.points.restored(post.id());
			if (post.postNumber() == 1) {
				this.jdbc.sql("UPDATE topic SET deleted_at = NULL WHERE id = ?").param(post.topicId()).update();
				this.jdbc.sql("UPDATE category SET topic_count = topic_count + 1 WHERE id = ?")
					.param(post.categoryId())
					.update();
			}
			else {
				this.jdbc.sql("UPDATE topic SET reply_count = reply_count + 1 WHERE id = ?")
					.param(post.topicId())
					.update();
			}
			this.events.publishEvent(new PostRestored(post.id(), post.topicId()));
		}
		else {
			unhide(post);
		}
	}

}

package com.rapport.community.topic;

import com.rapport.community.member.Points;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points follow a post that is deleted and restored: its author loses the point the post
 * earned when it is deleted, and the ten of an accepted answer (deleting the answer ends
 * the acceptance), and gets the post's point back when it is restored (an acceptance is
 * not restored with it). Likes stay counted: they can still be taken back one by one.
 */
@Component
public class PostPoints {

	private final JdbcClient jdbc;

	private final Points points;

	PostPoints(JdbcClient jdbc, Points points) {
		this.jdbc = jdbc;
		this.points = points;
	}

	/**
	 * Takes back what a post earned; call before the post is marked deleted (and before
	 * its topic's accepted answer is cleared).
	 * @param postId the post, not yet deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void deleting(long postId) {
		this.jdbc.sql("""
				SELECT p.author_id, t.solved_post_id = p.id AS accepted
				FROM post p JOIN topic t ON t.id = p.topic_id
				WHERE p.id = ? AND p.deleted_at IS NULL
				""")
			.param(postId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBoolean(2) })
			.optional()
			.ifPresent((row) -> {
				long author = (Long) row[0];
				this.points.add(author, -Reputation.POST_PUBLISHED, Points.Kind.POST, null, null);
				if ((Boolean) row[1]) {
					this.points.add(author, -Reputation.ANSWER_ACCEPTED, Points.Kind.ANSWER, null, null);
				}
			});
	}

	/**
	 * Gives a restored post its point again.
	 * @param postId the post, restored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void restored(long postId) {
		this.jdbc.sql("SELECT author_id FROM post WHERE id = ?")
			.param(postId)
			.query(Long.class)
			.optional()
			.ifPresent((author) -> this.points.add(author, Reputation.POST_PUBLISHED, Points.Kind.POST, null, null));
	}

}

package com.rapport.community.topic;

import com.rapport.community.member.Points;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEvents.AnswerAccepted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The topic's author or a moderator marks the reply that solved the question; the topic
 * then shows as solved in lists and the answer under the first post.
 */
@Service
public class AcceptedAnswers {

	private final JdbcClient jdbc;

	private final PostAccess access;

	private final ApplicationEventPublisher events;

	private final Points points;

	AcceptedAnswers(JdbcClient jdbc, PostAccess access, ApplicationEventPublisher events, Points points) {
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.points = points;
	}

	/**
	 * Accepts a reply as the answer, replacing an earlier one.
	 * @param viewer the topic's author or a moderator
	 * @param postId the reply
	 */
	@Transactional
	public void accept(Viewer viewer, long postId) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		requireMayDecide(viewer, post);
		if (post.postNumber() == 1 || post.deleted()) {
			throw new RejectedException("post", "answer.notAReply");
		}
		this.jdbc
			.sql("SELECT p.author_id FROM topic t JOIN post p ON p.id = t.solved_post_id WHERE t.id = ? AND p.id <> ?")
			.params(post.topicId(), postId)
			.query(Long.class)
			.optional()
			.ifPresent((previous) -> this.points.add(previous, -Reputation.ANSWER_ACCEPTED, Points.Kind.ANSWER, null,
					null));
		int changed = this.jdbc
			.sql("UPDATE topic SET solved_post_id = ? WHERE id = ? AND (solved_post_id IS NULL OR solved_post_id <> ?)")
			.params(postId, post.topicId(), postId)
			.update();
		if (changed == 0) {
			return;
		}
		this.points.add(post.authorId(), Reputation.ANSWER_ACCEPTED, Points.Kind.ANSWER, null, null);
		this.events
			.publishEvent(new AnswerAccepted(post.topicId(), post.postNumber(), post.authorId(), viewer.memberId()));
	}

	/**
	 * Takes the accepted answer back: the topic is unsolved again.
	 * @param viewer the topic's author or a moderator
	 * @param postId the accepted reply
	 */
	@Transactional
	public void unaccept(Viewer viewer, long postId) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		requireMayDecide(viewer, post);
		int changed = this.jdbc.sql("UPDATE topic SET solved_post_id = NULL WHERE id = ? AND solved_post_id = ?")
			.params(post.topicId(), postId)
			.update();
		if (changed > 0) {
			this.points.add(post.authorId(), -Reputation.ANSWER_ACCEPTED, Points.Kind.ANSWER, null, null);
		}
	}

	private static void requireMayDecide(Viewer viewer, PostAccess.PostRef post) {
		boolean author = !viewer.isAnonymous() && viewer.memberId() == post.topicAuthorId();
		if (!author && !viewer.isModerator()) {
			throw new RejectedException("post", "answer.notAllowed");
		}
	}

}

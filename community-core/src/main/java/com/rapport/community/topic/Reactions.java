package com.rapport.community.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.community.member.Points;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEvents.ReactionAdded;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members react to posts: a second click on the same reaction takes it back. Counts are
 * kept next to the post, changed in the same transaction.
 */
@Service
public class Reactions {

	private final JdbcClient jdbc;

	private final PostAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<ParticipationGuard> guards;

	private final Points points;

	Reactions(JdbcClient jdbc, PostAccess access, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<ParticipationGuard> guards, Points points) {
		this.points = points;
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.guards = guards;
	}

	/**
	 * Adds the reaction, or takes it back when the member had left it already.
	 * @param viewer who reacts
	 * @param postId the post
	 * @param reaction which reaction
	 * @return true when the reaction is now there, false when it was taken back
	 */
	@Transactional
	public boolean toggle(Viewer viewer, long postId, Reaction reaction) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		if (viewer.isAnonymous()) {
			throw new RejectedException("reaction", "reaction.loginRequired");
		}
		if (post.authorId() == viewer.memberId()) {
			throw new RejectedException("reaction", "reaction.ownPost");
		}
		this.guards.orderedStream().forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.REACT));
		int removed = this.jdbc.sql("DELETE FROM post_reaction WHERE post_id = ? AND member_id = ? AND reaction = ?")
			.params(postId, viewer.memberId(), reaction.name())
			.update();
		int delta = (removed > 0) ? -1 : 1;
		if (removed == 0) {
			this.jdbc.sql("INSERT INTO post_reaction (post_id, member_id, reaction, created_at) VALUES (?, ?, ?, ?)")
				.params(postId, viewer.memberId(), reaction.name(), Timestamp.from(this.clock.instant()))
				.update();
		}
		this.jdbc
			.sql("INSERT INTO post_reaction_count (post_id, reaction, total) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE total = GREATEST(total + ?, 0)")
			.params(postId, reaction.name(), Math.max(delta, 0), delta)
			.update();
		if (reaction == Reaction.LIKE) {
			this.jdbc.sql("UPDATE post SET like_count = GREATEST(like_count + ?, 0) WHERE id = ?")
				.params(delta, postId)
				.update();
			this.jdbc.sql("UPDATE topic SET like_count = GREATEST(like_count + ?, 0) WHERE id = ?")
				.params(delta, post.topicId())
				.update();
			this.jdbc.sql("UPDATE member SET likes_received = GREATEST(likes_received + ?, 0) WHERE id = ?")
				.params(delta, post.authorId())
				.update();
			this.points.add(post.authorId(), delta * Reputation.LIKE_RECEIVED, Points.Kind.LIKE, null, null);
		}
		if (delta > 0) {
			this.events.publishEvent(new ReactionAdded(postId, post.topicId(), post.postNumber(), post.authorId(),
					viewer.memberId(), reaction.name()));
		}
		return delta > 0;
	}

	/**
	 * The reaction counts of some posts, and which of them the viewer left.
	 * @param postIds the posts of a page
	 * @param viewer who looks
	 * @return per post (every one asked for): counts and the viewer's own reactions
	 */
	public Map<Long, PostReactions> of(List<Long> postIds, Viewer viewer) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<Reaction, Integer>> counts = new HashMap<>();
		Map<Long, Set<Reaction>> mine = new HashMap<>();
		this.jdbc.sql("SELECT post_id, reaction, total FROM post_reaction_count WHERE post_id IN (:ids) AND total > 0")
			.param("ids", postIds)
			.query((rs) -> {
				counts.computeIfAbsent(rs.getLong(1), (id) -> new EnumMap<>(Reaction.class))
					.put(Reaction.valueOf(rs.getString(2)), rs.getInt(3));
			});
		if (!viewer.isAnonymous()) {
			this.jdbc.sql("SELECT post_id, reaction FROM post_reaction WHERE post_id IN (:ids) AND member_id = :member")
				.param("ids", postIds)
				.param("member", viewer.memberId())
				.query((rs) -> {
					mine.computeIfAbsent(rs.getLong(1), (id) -> EnumSet.noneOf(Reaction.class))
						.add(Reaction.valueOf(rs.getString(2)));
				});
		}
		Map<Long, PostReactions> result = new HashMap<>();
		for (Long id : postIds) {
			result.put(id, new PostReactions(counts.getOrDefault(id, Map.of()), mine.getOrDefault(id, Set.of())));
		}
		return result;
	}

	/**
	 * Reactions on one post.
	 *
	 * @param counts how many of each kind
	 * @param mine which the viewer left
	 */
	public record PostReactions(Map<Reaction, Integer> counts, Set<Reaction> mine) {

		public PostReactions {
			counts = Map.copyOf(counts);
			mine = Set.copyOf(mine);
		}

		public int count(Reaction reaction) {
			return this.counts.getOrDefault(reaction, 0);
		}

		public boolean reacted(Reaction reaction) {
			return this.mine.contains(reaction);
		}

	}

}

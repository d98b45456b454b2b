package com.rapport.community.idea;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;
import com.rapport.community.notification.NotificationKind;
import com.rapport.community.notification.Notifications;
import com.rapport.community.notification.Watching;
import com.rapport.community.topic.ParticipationGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Votes and statuses of the topics of idea boards (categories of kind {@value #KIND}). A
 * member votes once per topic (the key of {@code idea_vote}); every vote and withdrawal
 * locks the topic row first and then recounts its votes, so the count on the topic is
 * exact whatever arrives at the same time. Staff and moderators set a status; each change
 * is in the audit log and every voter is told of it once.
 */
@Service
public class IdeaBoard {

	/** The category kind of an idea board. */
	public static final String KIND = "IDEAS";

	/** The audit log's action for a status change. */
	public static final String STATUS_ACTION = "idea.status";

	private final JdbcClient jdbc;

	private final CategoryService categories;

	private final Notifications notifications;

	private final Watching watching;

	private final AuditLog audit;

	private final ObjectProvider<ParticipationGuard> guards;

	private final Clock clock;

	IdeaBoard(JdbcClient jdbc, CategoryService categories, Notifications notifications, Watching watching,
			AuditLog audit, ObjectProvider<ParticipationGuard> guards, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.notifications = notifications;
		this.watching = watching;
		this.audit = audit;
		this.guards = guards;
		this.clock = clock;
	}

	/**
	 * Votes for an idea. Voting again changes nothing.
	 * @param viewer the member voting
	 * @param topicId the idea
	 * @return the idea's votes now
	 * @throws RejectedException {@code idea.loginRequired} for a visitor,
	 * {@code idea.notFound} when the viewer cannot read the topic, {@code idea.notAnIdea}
	 * outside an idea board, {@code idea.votingClosed} on a closed or archived idea, and
	 * as the participation guards (a silenced member)
	 */
	@Transactional
	public int vote(Viewer viewer, long topicId) {
		Idea idea = lockForVoting(viewer, topicId);
		this.guards.orderedStream().forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.REACT));
		this.jdbc.sql("INSERT IGNORE INTO idea_vote (topic_id, member_id, created_at) VALUES (?, ?, ?)")
			.params(idea.id(), viewer.memberId(), Timestamp.from(this.clock.instant()))
			.update();
		return recount(idea.id());
	}

	/**
	 * Takes a vote back. Withdrawing a vote that was not given changes nothing.
	 * @param viewer the member
	 * @param topicId the idea
	 * @return the idea's votes now
	 * @throws RejectedException as {@link #vote(Viewer, long)}
	 */
	@Transactional
	public int withdraw(Viewer viewer, long topicId) {
		Idea idea = lockForVoting(viewer, topicId);
		this.jdbc.sql("DELETE FROM idea_vote WHERE topic_id = ? AND member_id = ?")
			.params(idea.id(), viewer.memberId())
			.update();
		return recount(idea.id());
	}

	/**
	 * @param viewer who looks
	 * @param topicId an idea
	 * @return whether the viewer voted for it
	 */
	public boolean hasVoted(Viewer viewer, long topicId) {
		if (viewer.isAnonymous()) {
			return false;
		}
		return this.jdbc.sql("SELECT COUNT(*) FROM idea_vote WHERE topic_id = ? AND member_id = ?")
			.params(topicId, viewer.memberId())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * @param viewer who may change an idea's status
	 * @return true for moderators and staff
	 */
	public boolean maySetStatus(Viewer viewer) {
		return viewer.isModerator();
	}

	/**
	 * Sets an idea's status, records the change in the audit log and tells every voter
	 * (except the one who changed it, and those who muted the topic). Setting the status
	 * it already has changes nothing and tells no one.
	 * @param viewer a moderator or staff member
	 * @param topicId the idea
	 * @param status the new status, or empty for none
	 * @return true when the status changed
	 * @throws RejectedException {@code idea.statusNotAllowed} for anyone else,
	 * {@code idea.notFound} and {@code idea.notAnIdea} as for votes
	 */
	@Transactional
	public boolean setStatus(Viewer viewer, long topicId, Optional<IdeaStatus> status) {
		if (!maySetStatus(viewer)) {
			throw new RejectedException("status", "idea.statusNotAllowed");
		}
		Idea idea = lockIdea(viewer, topicId);
		String before = idea.status();
		String after = status.map(IdeaStatus::name).orElse(null);
		if (Objects.equals(before, after)) {
			return false;
		}
		this.jdbc.sql("UPDATE topic SET idea_status = ?, version = version + 1 WHERE id = ?")
			.params(after, topicId)
			.update();
		this.audit.record(viewer, STATUS_ACTION, AuditTarget.topic(topicId, idea.title(), idea.authorId()), null,
				(before != null) ? before : "NONE", (after != null) ? after : "NONE");
		String subject = (after != null) ? after : "NONE";
		for (long voter : voters(topicId)) {
			if (!this.watching.isMuted(voter, topicId)) {
				this.notifications.notifyAboutTopic(voter, NotificationKind.IDEA_STATUS, viewer.memberId(), topicId,
						subject);
			}
		}
		return true;
	}

	/**
	 * @param topicId a topic
	 * @return its URL name, to lead back to it (empty when there is no such topic)
	 */
	public Optional<String> slugOf(long topicId) {
		return this.jdbc.sql("SELECT slug FROM topic WHERE id = ? AND deleted_at IS NULL")
			.param(topicId)
			.query(String.class)
			.optional();
	}

	/**
	 * @param topicId an idea
	 * @return the members who voted for it, in the order they voted
	 */
	public List<Long> voters(long topicId) {
		return this.jdbc.sql("SELECT member_id FROM idea_vote WHERE topic_id = ? ORDER BY created_at, member_id")
			.param(topicId)
			.query(Long.class)
			.list();
	}

	private Idea lockForVoting(Viewer viewer, long topicId) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("vote", "idea.loginRequired");
		}
		Idea idea = lockIdea(viewer, topicId);
		if (idea.closed() || idea.archived()) {
			throw new RejectedException("vote", "idea.votingClosed");
		}
		return idea;
	}

	/**
	 * Locks the topic row (every vote, withdrawal and status change of one idea queues
	 * here) and checks that the viewer may read it and that it is an idea.
	 */
	private Idea lockIdea(Viewer viewer, long topicId) {
		Idea idea = this.jdbc.sql("""
				SELECT id, category_id, author_id, title, idea_status, closed_at IS NOT NULL, archived_at IS NOT NULL
				FROM topic WHERE id = ? AND deleted_at IS NULL FOR UPDATE
				""")
			.param(topicId)
			.query((rs, n) -> new Idea(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getBoolean(6), rs.getBoolean(7)))
			.optional()
			.orElseThrow(() -> new RejectedException("topic", "idea.notFound"));
		Category category = this.categories.findById(idea.categoryId(), viewer)
			.orElseThrow(() -> new RejectedException("topic", "idea.notFound"));
		if (!KIND.equals(category.kind())) {
			throw new RejectedException("topic", "idea.notAnIdea");
		}
		if (category.archived()) {
			return new Idea(idea.id(), idea.categoryId(), idea.authorId(), idea.title(), idea.status(), idea.closed(),
					true);
		}
		return idea;
	}

	private int recount(long topicId) {
		int votes = this.jdbc.sql("SELECT COUNT(*) FROM idea_vote WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
		this.jdbc.sql("UPDATE topic SET vote_count = ? WHERE id = ?").params(votes, topicId).update();
		return votes;
	}

	private record Idea(long id, long categoryId, long authorId, String title, String status, boolean closed,
			boolean archived) {
	}

}

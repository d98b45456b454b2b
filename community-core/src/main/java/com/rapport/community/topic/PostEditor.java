package com.rapport.community.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.community.topic.PostEvents.PostRestored;
import com.rapport.community.topic.PostScreening.Draft;
import com.rapport.community.topic.PostScreening.Screened;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing and deleting posts. Every edit keeps the replaced text as a revision; two
 * people editing at once cannot overwrite each other (the second gets a conflict);
 * deleting is soft so moderators can restore.
 */
@Service
public class PostEditor {

	private final JdbcClient jdbc;

	private final PostAccess access;

	private final PostRenderer renderer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<ParticipationGuard> guards;

	private final ObjectProvider<PostScreening> screening;

	private final PostPoints points;

	PostEditor(JdbcClient jdbc, PostAccess access, PostRenderer renderer, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<ParticipationGuard> guards, ObjectProvider<PostScreening> screening, PostPoints points) {
		this.points = points;
		this.jdbc = jdbc;
		this.access = access;
		this.renderer = renderer;
		this.events = events;
		this.clock = clock;
		this.guards = guards;
		this.screening = screening;
	}

	/**
	 * What the edit form starts from.
	 * @param viewer who edits
	 * @param postId the post
	 * @return the post's current text, title (first posts) and version
	 */
	public EditablePost editable(Viewer viewer, long postId) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		requireMayEdit(viewer, post);
		return new EditablePost(post.id(), post.topicId(), post.postNumber(),
				(post.postNumber() == 1) ? post.title() : null, post.raw(), post.version());
	}

	/**
	 * Saves an edit. The new text is screened like a new post (rate limits, watched
	 * words, links): it may be refused, masked, flagged, or held for a moderator's
	 * approval, in which case the post keeps its text until the edit is approved.
	 * @param viewer the author or a moderator
	 * @param postId the post
	 * @param title the new title when editing a topic's first post, else null
	 * @param body the new text
	 * @param expectedVersion the version the editor started from
	 * @throws RejectedException {@code post.editConflict} when someone saved in between
	 * @throws PostHeldForReview when the edit waits for a moderator's approval
	 */
	@Transactional(noRollbackFor = PostHeldForReview.class)
	public void edit(Viewer viewer, long postId, String title, String body, int expectedVersion) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		requireMayEdit(viewer, post);
		if (!viewer.isModerator()) {
			this.guards.orderedStream().forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.EDIT));
		}
		String text = TopicService.checkedBody(body);
		String newTitle = null;
		if (post.postNumber() == 1 && title != null) {
			newTitle = TopicService.checkedTitle(title);
		}
		if (post.version() != expectedVersion) {
			throw new RejectedException("body", "post.editConflict");
		}
		PostScreening screen = this.screening.getIfAvailable(() -> PostScreening.NONE);
		Screened screened = screen.screen(viewer,
				Draft.edit(post.categoryId(), post.topicId(), postId, newTitle, text));
		if (screened.held()) {
			throw new PostHeldForReview(screened.heldAs(), post.topicId(), true);
		}
		write(post, (newTitle != null) ? screened.title() : null, screened.body(), viewer.memberId(), expectedVersion);
		screen.published(viewer, postId, screened);
	}

	/**
	 * Applies an edit a moderator approved after screening held it. Only the review queue
	 * calls this, after checking the moderator. The edit replaces the text the post has
	 * now (the replaced text is kept as a revision).
	 * @param authorId who wrote the edit
	 * @param draft the held edit
	 * @throws RejectedException {@code post.notFound} when the post is gone
	 */
	@Transactional
	public void applyApproved(long authorId, Draft draft) {
		PostAccess.PostRef post = this.jdbc
			.sql("SELECT p.id, p.topic_id, p.post_number, p.author_id, t.author_id, t.category_id, p.raw, t.title, "
					+ "p.version, p.deleted_at IS NOT NULL, t.closed_at IS NOT NULL FROM post p "
					+ "JOIN topic t ON t.id = p.topic_id WHERE p.id = ? AND p.deleted_at IS NULL "
					+ "AND t.deleted_at IS NULL FOR UPDATE")
			.param(draft.editOfPostId())
			.query((rs, n) -> new PostAccess.PostRef(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getBoolean(10),
					rs.getBoolean(11)))
			.optional()
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
		write(post, (post.postNumber() == 1) ? draft.title() : null, draft.body(), authorId, post.version());
	}

	private void write(PostAccess.PostRef post, String newTitle, String text, long editorId, int expectedVersion) {
		long postId = post.id();
		Instant now = this.clock.instant();
		int updated = this.jdbc
			.sql("UPDATE post SET raw = ?, cooked = ?, updated_at = ?, version = version + 1, "
					+ "revision_count = revision_count + 1 WHERE id = ? AND version = ?")
			.params(text, this.renderer.render(text), Timestamp.from(now), postId, expectedVersion)
			.update();
		if (updated == 0) {
			throw new RejectedException("body", "post.editConflict");
		}
		int revision = this.jdbc.sql("SELECT revision_count FROM post WHERE id = ?")
			.param(postId)
			.query(Integer.class)
			.single();
		this.jdbc.sql(
				"INSERT INTO post_revision (post_id, revision, title, raw, edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(postId, revision, (post.postNumber() == 1) ? post.title() : null, post.raw(), editorId,
					Timestamp.from(now))
			.update();
		if (newTitle != null && !newTitle.equals(post.title())) {
			this.jdbc.sql("UPDATE topic SET title = ?, slug = ?, version = version + 1 WHERE id = ?")
				.params(newTitle, Slugs.slugify(newTitle), post.topicId())
				.update();
		}
		this.events.publishEvent(new PostEdited(postId, post.topicId()));
	}

	/**
	 * Deletes a post softly: it disappears for readers; moderators can restore it.
	 * Deleting a topic's first post deletes the topic.
	 * @param viewer the author or a moderator
	 * @param postId the post
	 */
	@Transactional
	public void delete(Viewer viewer, long postId) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		requireMayEdit(viewer, post);
		if (post.deleted()) {
			return;
		}
		Instant now = this.clock.instant();
		this.points.deleting(postId);
		this.jdbc.sql("UPDATE post SET deleted_at = ?, deleted_by = ? WHERE id = ?")
			.params(Timestamp.from(now), viewer.memberId(), postId)
			.update();
		if (post.postNumber() == 1) {
			this.jdbc.sql("UPDATE topic SET deleted_at = ? WHERE id = ?")
				.params(Timestamp.from(now), post.topicId())
				.update();
			this.jdbc.sql("UPDATE category SET topic_count = GREATEST(topic_count - 1, 0) WHERE id = ?")
				.param(post.categoryId())
				.update();
		}
		else {
			this.jdbc
				.sql("UPDATE topic SET reply_count = GREATEST(reply_count - 1, 0), "
						+ "solved_post_id = IF(solved_post_id = ?, NULL, solved_post_id) WHERE id = ?")
				.params(postId, post.topicId())
				.update();
		}
		this.events.publishEvent(new PostRemoved(postId, post.topicId()));
	}

	/**
	 * Restores a deleted post. Only moderators may.
	 * @param viewer a moderator
	 * @param postId the post
	 */
	@Transactional
	public void restore(Viewer viewer, long postId) {
		if (!viewer.isModerator()) {
			throw new RejectedException("post", "post.restoreNotAllowed");
		}
		var row = this.jdbc
			.sql("SELECT p.topic_id, p.post_number, t.category_id FROM post p JOIN topic t ON t.id = p.topic_id "
					+ "WHERE p.id = ? AND p.deleted_at IS NOT NULL")
			.param(postId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.optional()
			.orElseThrow(() -> new RejectedException("post", "post.notFound"));
		this.jdbc.sql("UPDATE post SET deleted_at = NULL, deleted_by = NULL WHERE id = ?").param(postId).update();
		this.points.restored(postId);
		if (row[1] == 1) {
			this.jdbc.sql("UPDATE topic SET deleted_at = NULL WHERE id = ?").param(row[0]).update();
			this.jdbc.sql("UPDATE category SET topic_count = topic_count + 1 WHERE id = ?").param(row[2]).update();
		}
		else {
			this.jdbc.sql("UPDATE topic SET reply_count = reply_count + 1 WHERE id = ?").param(row[0]).update();
		}
		this.events.publishEvent(new PostRestored(postId, row[0]));
	}

	/**
	 * The revisions of a post, newest first, each with its difference to the text that
	 * replaced it. Redacted revisions are left out unless the viewer is a moderator.
	 * @param viewer who looks
	 * @param postId the post
	 * @return revisions
	 */
	public List<Revision> revisions(Viewer viewer, long postId) {
		PostAccess.PostRef post = this.access.readable(viewer, postId);
		List<Object[]> rows = this.jdbc
			.sql("SELECT r.revision, r.raw, r.edited_at, m.username, r.redacted_at IS NOT NULL FROM post_revision r "
					+ "JOIN member m ON m.id = r.edited_by WHERE r.post_id = ? ORDER BY r.revision DESC")
			.param(postId)
			.query((rs,
					n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
							rs.getBoolean(5) })
			.list();
		String newer = post.raw();
		List<Revision> revisions = new java.util.ArrayList<>();
		for (Object[] row : rows) {
			String older = (String) row[1];
			boolean redacted = (Boolean) row[4];
			if (!redacted || viewer.isModerator()) {
				revisions.add(new Revision((Integer) row[0], (Instant) row[2], (String) row[3], redacted,
						diff(older, newer)));
			}
			newer = older;
		}
		return revisions;
	}

	/**
	 * Hides a revision from everyone but moderators (say, it held personal data).
	 * @param viewer a moderator
	 * @param postId the post
	 * @param revision the revision number
	 */
	@Transactional
	public void redact(Viewer viewer, long postId, int revision) {
		if (!viewer.isModerator()) {
			throw new RejectedException("post", "post.redactNotAllowed");
		}
		this.jdbc
			.sql("UPDATE post_revision SET redacted_at = ?, redacted_by = ? WHERE post_id = ? AND revision = ? "
					+ "AND redacted_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), viewer.memberId(), postId, revision)
			.update();
	}

	static List<DiffLine> diff(String older, String newer) {
		DiffRowGenerator generator = DiffRowGenerator.create()
			.showInlineDiffs(true)
			.inlineDiffByWord(true)
			.mergeOriginalRevised(true)
			.lineNormalizer(PostEditor::escape)
			.oldTag((start) -> start ? "<del>" : "</del>")
			.newTag((start) -> start ? "<ins>" : "</ins>")
			.build();
		List<DiffRow> rows = generator.generateDiffRows(List.of(older.split("\n", -1)), List.of(newer.split("\n", -1)));
		return rows.stream().map((row) -> new DiffLine(row.getTag().name(), row.getOldLine())).toList();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static void requireMayEdit(Viewer viewer, PostAccess.PostRef post) {
		boolean author = !viewer.isAnonymous() && viewer.memberId() == post.authorId();
		if (!author && !viewer.isModerator()) {
			throw new RejectedException("post", "post.editNotAllowed");
		}
		if (author && !viewer.isModerator() && post.topicClosed()) {
			throw new RejectedException("post", "topic.closed");
		}
	}

	/**
	 * What an edit starts from.
	 *
	 * @param id the post
	 * @param topicId its topic
	 * @param postNumber its place
	 * @param title the topic's title when this is the first post, else null
	 * @param body the current text
	 * @param version the version to send back with the edit
	 */
	public record EditablePost(long id, long topicId, int postNumber, String title, String body, int version) {
	}

	/**
	 * One earlier state of a post.
	 *
	 * @param number the revision number, from 1
	 * @param editedAt when it was replaced
	 * @param editedBy who replaced it
	 * @param redacted whether a moderator hid it
	 * @param diff line by line, what changed from it to the next text; HTML-escaped text
	 * with {@code <del>}/{@code <ins>} marks
	 */
	public record Revision(int number, Instant editedAt, String editedBy, boolean redacted, List<DiffLine> diff) {

		public Revision {
			diff = List.copyOf(diff);
		}

	}

	/**
	 * A line of a difference.
	 *
	 * @param change EQUAL, CHANGE, INSERT or DELETE
	 * @param html the line, escaped, with inline marks
	 */
	public record DiffLine(String change, String html) {
	}

}

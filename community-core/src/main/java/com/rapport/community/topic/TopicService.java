package com.rapport.community.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.Points;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.community.topic.PostScreening.Draft;
import com.rapport.community.topic.PostScreening.Screened;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting topics and replying. Counters shown on lists (replies, last activity, category
 * totals) change in the same transaction as the post.
 */
@Service
public class TopicService {

	public static final int TITLE_MIN = 5;

	public static final int TITLE_MAX = 200;

	public static final int BODY_MIN = 2;

	public static final int BODY_MAX = 32_000;

	private final JdbcClient jdbc;

	private final CategoryService categories;

	private final PostRenderer renderer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ParticipationGuard> guards;

	private final ObjectProvider<PostScreening> screening;

	private final Points points;

	TopicService(JdbcClient jdbc, CategoryService categories, PostRenderer renderer, Clock clock,
			ApplicationEventPublisher events, ObjectProvider<ParticipationGuard> guards,
			ObjectProvider<PostScreening> screening, Points points) {
		this.points = points;
		this.jdbc = jdbc;
		this.categories = categories;
		this.renderer = renderer;
		this.clock = clock;
		this.events = events;
		this.guards = guards;
		this.screening = screening;
	}

	/**
	 * Starts a topic with its first post.
	 * @param viewer the author
	 * @param command what was entered
	 * @return the new topic
	 * @throws RejectedException when the author may not post here or the text is not
	 * acceptable
	 * @throws PostHeldForReview when the topic waits for a moderator's approval
	 */
	@Transactional(noRollbackFor = PostHeldForReview.class)
	public TopicRef startTopic(Viewer viewer, NewTopic command) {
		requireVerified(viewer);
		this.guards.orderedStream()
			.forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.START_TOPIC));
		Category category = this.categories.findById(command.categoryId(), viewer)
			.filter((c) -> c.topicsStartableBy(viewer))
			.orElseThrow(() -> new RejectedException("categoryId", "topic.category.notAllowed"));
		String checkedTitle = checkedTitle(command.title());
		String checkedBody = checkedBody(command.body());
		Screened screened = screening().screen(viewer, new Draft(category.id(), null, checkedTitle, checkedBody, null));
		if (screened.held()) {
			throw new PostHeldForReview(screened.heldAs(), null);
		}
		TopicRef ref = createTopic(category.id(), viewer.memberId(), screened.title(), screened.body());
		screening().published(viewer, firstPostId(ref.id()), screened);
		return ref;
	}

	/**
	 * Publishes a post a moderator approved after it was held for review: a new topic
	 * when {@code draft.topicId()} is null, else a reply (the post number it gets is the
	 * next free one). Only the review queue calls this, after checking the moderator.
	 * @param authorId who wrote it
	 * @param draft what was held
	 * @return the new post's id
	 */
	@Transactional
	public long publishApproved(long authorId, Draft draft) {
		if (draft.newTopic()) {
			return firstPostId(createTopic(draft.categoryId(), authorId, draft.title(), draft.body()).id());
		}
		boolean open = this.jdbc.sql("SELECT id FROM topic WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
			.param(draft.topicId())
			.query(Long.class)
			.optional()
			.isPresent();
		if (!open) {
			throw new RejectedException("topic", "topic.notFound");
		}
		return addReply(draft.topicId(), draft.categoryId(), authorId, draft.body(), draft.replyToPostNumber());
	}

	private PostScreening screening() {
		return this.screening.getIfAvailable(() -> PostScreening.NONE);
	}

	private long firstPostId(long topicId) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 1")
			.param(topicId)
			.query(Long.class)
			.single();
	}

	private TopicRef createTopic(long categoryId, long authorId, String title, String body) {
		Instant now = this.clock.instant();
		String slug = Slugs.slugify(title);
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO topic (category_id, author_id, title, slug, created_at, last_posted_at, last_poster_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(categoryId, authorId, title, slug, Timestamp.from(now), Timestamp.from(now), authorId)
			.update(keys);
		long topicId = keys.getKeyAs(Number.class).longValue();
		insertPost(topicId, 1, authorId, null, body, now);
		this.jdbc.sql("UPDATE category SET topic_count = topic_count + 1, post_count = post_count + 1 WHERE id = ?")
			.param(categoryId)
			.update();
		return new TopicRef(topicId, slug);
	}

	/**
	 * Adds a reply to a topic.
	 * @param viewer the author
	 * @param topicId the topic
	 * @param body the reply in Markdown
	 * @param replyToPostNumber the post it answers, or null
	 * @return the new post's number in the topic
	 * @throws PostHeldForReview when the reply waits for a moderator's approval
	 */
	@Transactional(noRollbackFor = PostHeldForReview.class)
	public int reply(Viewer viewer, long topicId, String body, Integer replyToPostNumber) {
		requireVerified(viewer);
		this.guards.orderedStream().forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.REPLY));
		var topic = this.jdbc
			.sql("SELECT category_id, closed_at IS NOT NULL AS closed FROM topic "
					+ "WHERE id = ? AND deleted_at IS NULL FOR UPDATE")
			.param(topicId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBoolean(2) })
			.optional()
			.orElseThrow(() -> new RejectedException("topic", "topic.notFound"));
		long categoryId = (Long) topic[0];
		boolean closed = (Boolean) topic[1];
		this.categories.findById(categoryId, viewer)
			.filter((c) -> c.repliableBy(viewer))
			.orElseThrow(() -> new RejectedException("body", "topic.reply.notAllowed"));
		if (closed && !viewer.isModerator()) {
			throw new RejectedException("body", "topic.closed");
		}
		String checked = checkedBody(body);
		Screened screened = screening().screen(viewer,
				new Draft(categoryId, topicId, null, checked, replyToPostNumber));
		if (screened.held()) {
			throw new PostHeldForReview(screened.heldAs(), topicId);
		}
		long postId = addReply(topicId, categoryId, viewer.memberId(), screened.body(), replyToPostNumber);
		screening().published(viewer, postId, screened);
		return this.jdbc.sql("SELECT post_number FROM post WHERE id = ?").param(postId).query(Integer.class).single();
	}

	private long addReply(long topicId, long categoryId, long authorId, String body, Integer replyToPostNumber) {
		Instant now = this.clock.instant();
		int number = this.jdbc.sql("SELECT MAX(post_number) + 1 FROM post WHERE topic_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
		Long replyTo = null;
		if (replyToPostNumber != null) {
			replyTo = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = ?")
				.params(topicId, replyToPostNumber)
				.query(Long.class)
				.optional()
				.orElse(null);
		}
		long postId = insertPost(topicId, number, authorId, replyTo, body, now);
		this.jdbc
			.sql("UPDATE topic SET reply_count = reply_count + 1, last_posted_at = ?, last_poster_id = ? WHERE id = ?")
			.params(Timestamp.from(now), authorId, topicId)
			.update();
		this.jdbc.sql("UPDATE category SET post_count = post_count + 1 WHERE id = ?").param(categoryId).update();
		return postId;
	}

	private long insertPost(long topicId, int number, long authorId, Long replyTo, String body, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO post (topic_id, post_number, author_id, reply_to_post_id, raw, cooked, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(topicId, number, authorId, replyTo, body, this.renderer.render(body), Timestamp.from(now))
			.update(keys);
		long postId = keys.getKeyAs(Number.class).longValue();
		this.points.add(authorId, Reputation.POST_PUBLISHED, Points.Kind.POST, null, null);
		this.events.publishEvent(new PostPublished(postId, topicId, authorId, number));
		return postId;
	}

	private static void requireVerified(Viewer viewer) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("body", "topic.loginRequired");
		}
		if (!viewer.emailVerified()) {
			throw new RejectedException("body", "topic.verifyEmailFirst");
		}
	}

	/**
	 * A topic title as stored: stripped, and refused unless its length is within the
	 * limits.
	 * @param title the title as typed
	 * @return the title to store
	 * @throws RejectedException when it is too short or too long
	 */
	public static String checkedTitle(String title) {
		String text = (title != null) ? title.strip() : "";
		int length = text.codePointCount(0, text.length());
		if (length < TITLE_MIN || length > TITLE_MAX) {
			throw new RejectedException("title", "topic.title.length");
		}
		return text;
	}

	static String checkedBody(String body) {
		String text = (body != null) ? body.strip() : "";
		int length = text.codePointCount(0, text.length());
		if (length < BODY_MIN || length > BODY_MAX) {
			throw new RejectedException("body", "post.body.length");
		}
		return text;
	}

}

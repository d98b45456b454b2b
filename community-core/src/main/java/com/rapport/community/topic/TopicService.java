package com.rapport.community.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import com.rapport.community.topic.PostEvents.PostPublished;

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

	TopicService(JdbcClient jdbc, CategoryService categories, PostRenderer renderer, Clock clock,
			ApplicationEventPublisher events, ObjectProvider<ParticipationGuard> guards) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.renderer = renderer;
		this.clock = clock;
		this.events = events;
		this.guards = guards;
	}

	/**
	 * Starts a topic with its first post.
	 * @param viewer the author
	 * @param command what was entered
	 * @return the new topic
	 * @throws RejectedException when the author may not post here or the text is not
	 * acceptable
	 */
	@Transactional
	public TopicRef startTopic(Viewer viewer, NewTopic command) {
		requireVerified(viewer);
		this.guards.orderedStream()
			.forEach((guard) -> guard.check(viewer, ParticipationGuard.Participation.START_TOPIC));
		Category category = this.categories.findById(command.categoryId(), viewer)
			.filter((c) -> c.topicsStartableBy(viewer))
			.orElseThrow(() -> new RejectedException("categoryId", "topic.category.notAllowed"));
		String title = checkedTitle(command.title());
		String body = checkedBody(command.body());
		Instant now = this.clock.instant();
		String slug = Slugs.slugify(title);
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO topic (category_id, author_id, title, slug, created_at, last_posted_at, last_poster_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(category.id(), viewer.memberId(), title, slug, Timestamp.from(now), Timestamp.from(now),
					viewer.memberId())
			.update(keys);
		long topicId = keys.getKeyAs(Number.class).longValue();
		insertPost(topicId, 1, viewer.memberId(), null, body, now);
		this.jdbc.sql("UPDATE category SET topic_count = topic_count + 1, post_count = post_count + 1 WHERE id = ?")
			.param(category.id())
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
	 */
	@Transactional
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
		insertPost(topicId, number, viewer.memberId(), replyTo, checked, now);
		this.jdbc
			.sql("UPDATE topic SET reply_count = reply_count + 1, last_posted_at = ?, last_poster_id = ? WHERE id = ?")
			.params(Timestamp.from(now), viewer.memberId(), topicId)
			.update();
		this.jdbc.sql("UPDATE category SET post_count = post_count + 1 WHERE id = ?").param(categoryId).update();
		return number;
	}

	private void insertPost(long topicId, int number, long authorId, Long replyTo, String body, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO post (topic_id, post_number, author_id, reply_to_post_id, raw, cooked, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(topicId, number, authorId, replyTo, body, this.renderer.render(body), Timestamp.from(now))
			.update(keys);
		this.events.publishEvent(new PostPublished(keys.getKeyAs(Number.class).longValue(), topicId, authorId, number));
	}

	private static void requireVerified(Viewer viewer) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("body", "topic.loginRequired");
		}
		if (!viewer.emailVerified()) {
			throw new RejectedException("body", "topic.verifyEmailFirst");
		}
	}

	static String checkedTitle(String title) {
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

package com.rapport.community.notification;

import java.util.HashSet;
import java.util.Set;

import com.rapport.community.topic.Mentions;
import com.rapport.community.topic.PostEvents.AnswerAccepted;
import com.rapport.community.topic.PostEvents.PostPublished;
import com.rapport.community.topic.PostEvents.ReactionAdded;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns what happens in the forums into notifications, in the same transaction: a
 * notification exists exactly when the post that caused it does.
 */
@Component
class ForumNotifier {

	private final Notifications notifications;

	private final Watching watching;

	private final JdbcClient jdbc;

	ForumNotifier(Notifications notifications, Watching watching, JdbcClient jdbc) {
		this.notifications = notifications;
		this.watching = watching;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PostPublished event) {
		var post = this.jdbc
			.sql("SELECT p.raw, r.author_id, t.author_id FROM post p JOIN topic t ON t.id = p.topic_id "
					+ "LEFT JOIN post r ON r.id = p.reply_to_post_id WHERE p.id = ?")
			.param(event.postId())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2), rs.getLong(3) })
			.single();
		Set<String> mentioned = Mentions.in((String) post[0]);
		Set<Long> told = new HashSet<>();
		told.add(event.authorId());
		if (!mentioned.isEmpty()) {
			this.jdbc.sql("SELECT id FROM member WHERE username IN (:names)")
				.param("names", mentioned)
				.query(Long.class)
				.list()
				.forEach((memberId) -> tell(memberId, NotificationKind.MENTION, event, told));
		}
		if (event.postNumber() > 1) {
			long repliedTo = (post[1] instanceof Number replyAuthor) ? replyAuthor.longValue() : (Long) post[2];
			tell(repliedTo, NotificationKind.REPLY, event, told);
		}
		NotificationKind watched = (event.postNumber() == 1) ? NotificationKind.NEW_TOPIC
				: NotificationKind.WATCHED_POST;
		this.watching.watchersOf(event.topicId()).forEach((memberId) -> tell(memberId, watched, event, told));
	}

	private void tell(long memberId, NotificationKind kind, PostPublished event, Set<Long> told) {
		if (told.add(memberId) && !this.watching.isMuted(memberId, event.topicId())) {
			this.notifications.notify(memberId, kind, event.authorId(), event.topicId(), event.postNumber());
		}
	}

	@EventListener
	void on(ReactionAdded event) {
		if (this.watching.isMuted(event.authorId(), event.topicId())) {
			return;
		}
		this.notifications.notify(event.authorId(), NotificationKind.REACTION, event.memberId(), event.topicId(),
				event.postNumber());
	}

	@EventListener
	void on(AnswerAccepted event) {
		this.notifications.notify(event.answerAuthorId(), NotificationKind.ANSWER_ACCEPTED, event.acceptedBy(),
				event.topicId(), event.postNumber());
	}

}

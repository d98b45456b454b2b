package com.rapport.community;

import com.rapport.community.category.Access;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests of what members earn by taking part: questions, replies, reactions
 * and accepted answers made through the services, on the shared context of
 * {@link CommunityIntegrationTest}.
 */
public abstract class ReputationIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	protected TopicService topics;

	@Autowired
	protected Reactions reactions;

	@Autowired
	protected AcceptedAnswers answers;

	@Autowired
	protected JdbcClient jdbc;

	/**
	 * A topic in a new category anyone may read.
	 * @param asker who starts it
	 * @param title its title
	 * @param body its first post
	 * @return the topic
	 */
	protected TopicRef question(Viewer asker, String title, String body) {
		return this.topics.startTopic(asker, new NewTopic(newCategory(Access.ANYONE), title, body));
	}

	/**
	 * A reply at the end of a topic.
	 * @param author who writes it
	 * @param topic the topic
	 * @param body the reply
	 * @return the new post's id
	 */
	protected long reply(Viewer author, TopicRef topic, String body) {
		return postId(topic, this.topics.reply(author, topic.id(), body, null));
	}

}

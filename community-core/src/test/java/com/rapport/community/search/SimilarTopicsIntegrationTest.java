package com.rapport.community.search;

import java.util.List;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarTopicsIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	TopicService topics;

	@Autowired
	AcceptedAnswers answers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void solvedTopicsComeFirstAndUnreadableOnesNever() {
		String word = unique("zq").replace("_", "");
		long open = newCategory(Access.ANYONE);
		long hidden = newCategory(Access.STAFF);
		Viewer author = verifiedMember();
		TopicRef unsolved = this.topics.startTopic(author,
				new NewTopic(open, word + " tent leaks in heavy rain", "It leaks."));
		TopicRef solved = this.topics.startTopic(author, new NewTopic(open, word + " tent leaking rain", "Help."));
		solve(solved, author);
		TopicRef secret = this.topics.startTopic(verifiedMember(Role.STAFF),
				new NewTopic(hidden, word + " tent leaks staff only", "Staff."));

		List<Long> found = ids(this.search.similarTopics(verifiedMember(), word + " tent leaking", 5));

		assertThat(found).startsWith(solved.id()).contains(unsolved.id()).doesNotContain(secret.id());
		assertThat(ids(this.search.similarTopics(verifiedMember(Role.STAFF), word + " tent leaking", 5)))
			.contains(secret.id());
	}

	@Test
	void chineseAndRussianTitlesFindTheirLikes() {
		long open = newCategory(Access.ANYONE);
		Viewer author = verifiedMember();
		TopicRef chinese = this.topics.startTopic(author, new NewTopic(open, "帐篷在大雨中会漏水吗", "我的帐篷漏水了。"));
		TopicRef russian = this.topics.startTopic(author,
				new NewTopic(open, "Палатка протекает под сильным дождём", "Что делать?"));

		assertThat(ids(this.search.similarTopics(author, "帐篷漏水怎么办", 5))).contains(chinese.id());
		assertThat(ids(this.search.similarTopics(author, "палатки протекают", 5))).contains(russian.id());
	}

	@Test
	void aShortTitleFindsNothingYet() {
		assertThat(this.search.similarTopics(verifiedMember(), "tent", 5)).isEmpty();
		assertThat(this.search.similarTopics(verifiedMember(), "   ", 5)).isEmpty();
	}

	private void solve(TopicRef topic, Viewer author) {
		int number = this.topics.reply(verifiedMember(), topic.id(), "Seal the seams.", null);
		long postId = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = ?")
			.params(topic.id(), number)
			.query(Long.class)
			.single();
		this.answers.accept(author, postId);
	}

	private static List<Long> ids(List<SimilarTopic> topics) {
		return topics.stream().map(SimilarTopic::topicId).toList();
	}

}

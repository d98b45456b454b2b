package com.rapport.community.sentiment;

import java.time.Duration;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class PostSentimentIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	TopicService topics;

	@Autowired
	PostEditor editor;

	@Autowired
	PostSentiment sentiment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecentNegativePost suppression;

	@Autowired
	MutableClock clock;

	@Test
	void postsAreScoredWhenWrittenAndRescoredWhenEditedInEveryLanguage() {
		Viewer author = verifiedMember();
		long category = newCategory(Access.ANYONE);
		TopicRef topic = this.topics.startTopic(author, new NewTopic(category, "Zipper broke after two days",
				"The zipper broke after two days. Terrible quality, I am really disappointed!"));
		this.topics.reply(author, topic.id(), "> Terrible quality, I am really disappointed!\n\nThanks, the "
				+ "replacement arrived and works great.", null);
		this.topics.reply(author, topic.id(), "帐篷质量很好，非常满意！", null);
		this.topics.reply(author, topic.id(), "Палатка не очень, молния сломалась.", null);
		this.topics.reply(author, topic.id(), "Das Zelt ist leider kaputt gegangen.", null);

		assertThat(stored(topic, 1)).startsWith("NEGATIVE|ENGLISH|").contains("disappointed");
		assertThat(stored(topic, 2)).as("a calm reply quoting an angry post is not angry").startsWith("POSITIVE|");
		assertThat(stored(topic, 3)).startsWith("POSITIVE|CHINESE|");
		assertThat(stored(topic, 4)).startsWith("NEGATIVE|RUSSIAN|");
		assertThat(stored(topic, 5)).as("a language the analyser does not cover is not neutral")
			.startsWith("NOT_ANALYSED|");
		assertThat(this.jdbc.sql("SELECT sentiment_score IS NULL FROM post WHERE topic_id = ? AND post_number = 5")
			.param(topic.id())
			.query(Boolean.class)
			.single()).as("no score is stored for it").isTrue();

		long first = postId(topic, 1);
		int version = this.editor.editable(author, first).version();
		this.editor.edit(author, first, null, "Support sorted it out within a day. Excellent service!", version);
		assertThat(stored(topic, 1)).startsWith("POSITIVE|ENGLISH|");
	}

	@Test
	void theBackfillScoresPostsWrittenBeforeTheAnalyserExisted() {
		Viewer author = verifiedMember();
		TopicRef topic = this.topics.startTopic(author, new NewTopic(newCategory(Access.ANYONE),
				"Old thread from the archive", "This is the worst tent I ever owned."));
		this.jdbc.sql("UPDATE post SET sentiment_label = NULL, sentiment_score = NULL WHERE topic_id = ?")
			.param(topic.id())
			.update();
		long last = 0;
		while ((last = this.sentiment.backfill(last, 100)) >= 0) {
			// next batch
		}
		assertThat(stored(topic, 1)).startsWith("NEGATIVE|").contains("worst");
	}

	@Test
	void aMemberWhoJustWroteANegativePostIsNotSurveyedForAWeek() {
		Viewer angry = verifiedMember();
		Viewer happy = verifiedMember();
		long category = newCategory(Access.ANYONE);
		this.topics.startTopic(angry, new NewTopic(category, "Refund still missing",
				"Three weeks and still no refund. Awful service, I am furious."));
		this.topics.startTopic(happy,
				new NewTopic(category, "Thanks for the quick fix", "The new zipper works perfectly, great support!"));
		assertThat(this.suppression.suppresses(angry.memberId())).isTrue();
		assertThat(this.suppression.suppresses(happy.memberId())).isFalse();
		this.clock.advance(Duration.ofDays(8));
		assertThat(this.suppression.suppresses(angry.memberId())).as("a week later they may be asked again").isFalse();
	}

	private String stored(TopicRef topic, int number) {
		return this.jdbc
			.sql("SELECT CONCAT_WS('|', sentiment_label, sentiment_language, sentiment_drivers) FROM post "
					+ "WHERE topic_id = ? AND post_number = ?")
			.params(topic.id(), number)
			.query(String.class)
			.single();
	}

}

package com.rapport.community.search;

import java.time.Duration;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.category.Access;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostRenderer;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.member.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made through another node reaches this node's index through the
 * {@code search_change} log: the test plays the other node by changing a post in the
 * database and writing the log row itself, as that node's transaction would.
 */
@RecordApplicationEvents
class SearchChangesIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	SearchChanges changes;

	@Autowired
	TopicService topics;

	@Autowired
	PostRenderer renderer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aChangeLoggedByAnotherNodeIsFoundHereAfterThePoll() {
		TopicRef topic = topic("Lantern mantle " + word());
		String added = word();
		long postId = firstPostId(topic.id());
		changeOnTheOtherNode(postId, "The mantle crumbled, use a " + added);
		assertThat(hit(added)).as("before the log row, this node knows nothing of it").isFalse();

		logChange(null, postId, topic.id());
		this.changes.poll();

		assertThat(found(added)).isTrue();
		assertThat(this.events.stream(ForumChangedElsewhere.class))
			.as("what the nodes keep in memory about posts learns of it too")
			.isNotEmpty();
	}

	@Test
	void aRowCommittedAfterAHigherOneIsStillApplied() {
		TopicRef early = topic("Tarp ridge " + word());
		TopicRef late = topic("Tarp stake " + word());
		String earlyWord = word();
		String lateWord = word();
		long next = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM search_change").query(Long.class).single() + 100;

		// the later id commits first, as with two transactions of different lengths
		changeOnTheOtherNode(firstPostId(late.id()), "Stakes bend " + lateWord);
		logChange(next + 1, firstPostId(late.id()), late.id());
		this.changes.poll();
		assertThat(found(lateWord)).isTrue();

		changeOnTheOtherNode(firstPostId(early.id()), "The ridge line sags " + earlyWord);
		logChange(next, firstPostId(early.id()), early.id());
		this.changes.poll();
		assertThat(found(earlyWord)).as("the skipped id is asked for again").isTrue();
	}

	@Test
	void theIndexRemembersTheLastRowItFollowed() {
		TopicRef topic = topic("Stove jet " + word());
		logChange(null, firstPostId(topic.id()), topic.id());
		this.changes.poll();
		long newest = this.jdbc.sql("SELECT MAX(id) FROM search_change").query(Long.class).single();
		assertThat(this.changes.appliedChange()).isGreaterThanOrEqualTo(newest);
	}

	private TopicRef topic(String title) {
		Viewer author = verifiedMember();
		return this.topics.startTopic(author, new NewTopic(newCategory(Access.ANYONE), title, "First words " + word()));
	}

	private long firstPostId(long topicId) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 1")
			.param(topicId)
			.query(Long.class)
			.single();
	}

	private void changeOnTheOtherNode(long postId, String body) {
		this.jdbc.sql("UPDATE post SET raw = ?, cooked = ? WHERE id = ?")
			.params(body, this.renderer.render(body), postId)
			.update();
	}

	private void logChange(Long id, long postId, long topicId) {
		this.jdbc
			.sql("INSERT INTO search_change (id, kind, post_id, topic_id, origin, created_at) "
					+ "VALUES (?, 'POST', ?, ?, 'the-other-node', NOW(3))")
			.params(id, postId, topicId)
			.update();
	}

	private boolean found(String word) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		// the scheduled poll of this node may be applying the row at the same moment
		boolean hit = hit(word);
		while (!hit && System.nanoTime() < deadline && this.changes.poll() >= 0) {
			hit = hit(word);
			if (!hit) {
				sleep();
			}
		}
		return hit;
	}

	private boolean hit(String word) {
		return !this.search.search(Viewer.ANONYMOUS, SearchQuery.of(word)).hits().isEmpty();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String word() {
		StringBuilder word = new StringBuilder("zc");
		for (char c : unique("").toCharArray()) {
			word.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : Character.isLetter(c) ? c : 'x');
		}
		return word.toString().toLowerCase();
	}

}

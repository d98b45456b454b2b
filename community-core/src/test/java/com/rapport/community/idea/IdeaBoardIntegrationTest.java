package com.rapport.community.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicListQuery;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.TopicSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdeaBoardIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	IdeaBoard ideas;

	@Autowired
	TopicService topics;

	@Autowired
	TopicQueries queries;

	@Autowired
	CategoryService categories;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberVotesOnceAndCanWithdraw() {
		long board = ideaBoard(Access.ANYONE);
		TopicRef idea = this.topics.startTopic(verifiedMember(), new NewTopic(board, "Dark mode please", "Eyes."));
		Viewer voter = verifiedMember();

		assertThat(this.ideas.vote(voter, idea.id())).isEqualTo(1);
		assertThat(this.ideas.vote(voter, idea.id())).as("a second vote is not counted").isEqualTo(1);
		assertThat(this.ideas.hasVoted(voter, idea.id())).isTrue();
		assertThat(summary(voter, idea.id()).voteCount()).isEqualTo(1);

		assertThat(this.ideas.withdraw(voter, idea.id())).isZero();
		assertThat(this.ideas.withdraw(voter, idea.id())).as("withdrawing twice changes nothing").isZero();
		assertThat(this.ideas.hasVoted(voter, idea.id())).isFalse();
		assertThat(summary(voter, idea.id()).voteCount()).isZero();
		assertThat(this.ideas.vote(voter, idea.id())).as("voting again after withdrawing").isEqualTo(1);
	}

	@Test
	void concurrentVotesAreEachCountedOnce() throws Exception {
		long board = ideaBoard(Access.ANYONE);
		TopicRef idea = this.topics.startTopic(verifiedMember(), new NewTopic(board, "Solar charger", "Please."));
		List<Viewer> voters = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			voters.add(verifiedMember());
		}
		Viewer eager = verifiedMember();
		List<Callable<Integer>> calls = new ArrayList<>();
		voters.forEach((voter) -> calls.add(() -> this.ideas.vote(voter, idea.id())));
		for (int i = 0; i < 4; i++) {
			// one member clicking four times at once
			calls.add(() -> this.ideas.vote(eager, idea.id()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (Callable<Integer> call : calls) {
				results.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.ideas.voters(idea.id())).hasSize(9).doesNotHaveDuplicates();
		assertThat(summary(eager, idea.id()).voteCount()).isEqualTo(9);
	}

	@Test
	void votingNeedsAReadableIdeaAndALoggedInMember() {
		long staffBoard = ideaBoard(Access.STAFF);
		Viewer staff = verifiedMember(Role.STAFF);
		TopicRef secret = this.topics.startTopic(staff, new NewTopic(staffBoard, "Internal idea", "Body."));
		long discussion = newCategory(Access.ANYONE);
		TopicRef question = this.topics.startTopic(verifiedMember(), new NewTopic(discussion, "A question", "Body."));
		long board = ideaBoard(Access.ANYONE);
		TopicRef idea = this.topics.startTopic(verifiedMember(), new NewTopic(board, "Lighter tent", "Body."));
		Viewer member = verifiedMember();

		assertRejected(() -> this.ideas.vote(member, secret.id()), "idea.notFound");
		assertRejected(() -> this.ideas.vote(member, question.id()), "idea.notAnIdea");
		assertRejected(() -> this.ideas.vote(Viewer.ANONYMOUS, idea.id()), "idea.loginRequired");
		assertRejected(() -> this.ideas.vote(member, Long.MAX_VALUE), "idea.notFound");
		assertThat(this.ideas.voters(secret.id())).isEmpty();
		assertThat(this.ideas.voters(question.id())).isEmpty();
		assertThat(this.ideas.voters(idea.id())).isEmpty();
		assertThat(this.ideas.vote(staff, secret.id())).isEqualTo(1);
	}

	@Test
	void onlyModeratorsAndStaffSetAStatus() {
		long board = ideaBoard(Access.ANYONE);
		Viewer author = verifiedMember();
		TopicRef idea = this.topics.startTopic(author, new NewTopic(board, "Wider sizes", "Body."));

		assertRejected(() -> this.ideas.setStatus(author, idea.id(), Optional.of(IdeaStatus.PLANNED)),
				"idea.statusNotAllowed");
		assertThat(summary(author, idea.id()).ideaStatus()).isNull();
		assertThat(auditEntries(idea.id())).isZero();

		long discussion = newCategory(Access.ANYONE);
		TopicRef question = this.topics.startTopic(author, new NewTopic(discussion, "Not an idea", "Body."));
		assertRejected(
				() -> this.ideas.setStatus(verifiedMember(Role.MODERATOR), question.id(), Optional.of(IdeaStatus.DONE)),
				"idea.notAnIdea");
	}

	@Test
	void aStatusChangeIsAuditedAndTellsEachVoterOnce() {
		long board = ideaBoard(Access.ANYONE);
		TopicRef idea = this.topics.startTopic(verifiedMember(), new NewTopic(board, "Repair kit", "Body."));
		Viewer first = verifiedMember();
		Viewer second = verifiedMember();
		Viewer moderator = verifiedMember(Role.MODERATOR);
		this.ideas.vote(first, idea.id());
		this.ideas.vote(second, idea.id());
		this.ideas.vote(first, idea.id());
		this.ideas.vote(moderator, idea.id());

		assertThat(this.ideas.setStatus(moderator, idea.id(), Optional.of(IdeaStatus.PLANNED))).isTrue();
		assertThat(this.ideas.setStatus(moderator, idea.id(), Optional.of(IdeaStatus.PLANNED)))
			.as("the same status again is no change")
			.isFalse();

		assertThat(statusNotifications(first, idea.id())).containsExactly("PLANNED");
		assertThat(statusNotifications(second, idea.id())).containsExactly("PLANNED");
		assertThat(statusNotifications(moderator, idea.id())).as("not told of their own change").isEmpty();
		assertThat(summary(first, idea.id()).ideaStatus()).isEqualTo("PLANNED");
		assertThat(auditEntries(idea.id())).isEqualTo(1);

		this.ideas.withdraw(second, idea.id());
		this.ideas.setStatus(moderator, idea.id(), Optional.of(IdeaStatus.DONE));
		assertThat(statusNotifications(first, idea.id())).containsExactly("PLANNED", "DONE");
		assertThat(statusNotifications(second, idea.id())).as("no longer a voter").containsExactly("PLANNED");
		assertThat(auditEntries(idea.id())).isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT before_text, after_text FROM audit_log WHERE action = 'idea.status' AND target_id = ? "
					+ "ORDER BY id")
			.param(idea.id())
			.query((rs, n) -> rs.getString(1) + ">" + rs.getString(2))
			.list()).containsExactly("NONE>PLANNED", "PLANNED>DONE");

		this.ideas.setStatus(moderator, idea.id(), Optional.empty());
		assertThat(summary(first, idea.id()).ideaStatus()).isNull();
	}

	@Test
	void anIdeaBoardListsTheMostWantedFirst() {
		long board = ideaBoard(Access.ANYONE);
		Viewer author = verifiedMember();
		TopicRef few = this.topics.startTopic(author, new NewTopic(board, "Few votes", "Body."));
		TopicRef many = this.topics.startTopic(author, new NewTopic(board, "Many votes", "Body."));
		TopicRef none = this.topics.startTopic(author, new NewTopic(board, "No votes", "Body."));
		this.ideas.vote(verifiedMember(), few.id());
		for (int i = 0; i < 3; i++) {
			this.ideas.vote(verifiedMember(), many.id());
		}
		var category = this.categories.findById(board, author).orElseThrow();

		List<TopicSummary> listed = this.queries
			.inCategory(category, TopicListQuery.of(null, null, null, TopicListQuery.Order.VOTES), null)
			.topics();

		assertThat(listed).extracting(TopicSummary::id).containsExactly(many.id(), few.id(), none.id());
		assertThat(listed).extracting(TopicSummary::voteCount).containsExactly(3, 1, 0);
		assertThat(listed).allMatch(TopicSummary::idea);
	}

	private long ideaBoard(Access read) {
		String slug = unique("i").toLowerCase().replace('_', '-');
		return this.categories.create(
				new NewCategory(null, slug, slug, "", "#123456", IdeaBoard.KIND, read, Access.MEMBER, Access.MEMBER));
	}

	private TopicSummary summary(Viewer viewer, long topicId) {
		return this.queries.topic(viewer, topicId, 1).orElseThrow().summary();
	}

	private List<String> statusNotifications(Viewer member, long topicId) {
		return this.jdbc
			.sql("SELECT subject FROM notification WHERE member_id = ? AND topic_id = ? AND kind = 'IDEA_STATUS' "
					+ "ORDER BY id")
			.params(member.memberId(), topicId)
			.query(String.class)
			.list();
	}

	private int auditEntries(long topicId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'idea.status' AND target_id = ?")
			.param(topicId)
			.query(Integer.class)
			.single();
	}

	private static void assertRejected(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().values().iterator().next())
			.isEqualTo(key);
	}

}

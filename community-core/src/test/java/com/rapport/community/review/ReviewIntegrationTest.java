package com.rapport.community.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.PostModeration;
import com.rapport.community.moderation.Sanction;
import com.rapport.community.moderation.Sanctions;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.PostHeldForReview;
import com.rapport.community.topic.PostView;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	TopicService topics;

	@Autowired
	TopicQueries queries;

	@Autowired
	PostEditor editor;

	@Autowired
	PostModeration postModeration;

	@Autowired
	ModeratorStats stats;

	@Autowired
	CategoryService categories;

	@Autowired
	MemberService members;

	@Autowired
	Flags flags;

	@Autowired
	ReviewQueue queue;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	Appeals appeals;

	@Autowired
	MutableClock clock;

	@Autowired
	Sanctions sanctions;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void defaultSettings() {
		this.jdbc.sql("DELETE FROM review_setting").update();
		this.jdbc.sql("DELETE FROM watched_word").update();
	}

	@Test
	void aFlagWeighsMoreForTrustedFlaggersWithAGoodRecord() {
		assertThat(new FlagWeight(0, false, 0, 0).weight()).isEqualByComparingTo("1.00");
		assertThat(new FlagWeight(2, false, 0, 0).weight()).isEqualByComparingTo("2.00");
		assertThat(new FlagWeight(2, false, 8, 0).base()).isEqualByComparingTo("2.00");
		assertThat(new FlagWeight(2, false, 8, 0).accuracyFactor()).isEqualByComparingTo("1.40");
		assertThat(new FlagWeight(0, false, 0, 6).weight()).isEqualByComparingTo("0.63");
		assertThat(new FlagWeight(0, true, 0, 0).weight()).isEqualByComparingTo("3.00");
	}

	@Test
	void flagsPastTheThresholdHideThePostAndTellItsAuthor() {
		Viewer author = member(0);
		Category category = category();
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Cheap watches here", "Buy them."));
		int number = this.topics.reply(author, ref.id(), "More cheap watches", null);
		long postId = postId(ref.id(), number);

		assertThat(this.flags.flag(member(0), postId, FlagReason.SPAM, null)).isFalse();
		assertThat(this.flags.flag(member(0), postId, FlagReason.SPAM, null)).isFalse();
		assertThat(visibleNumbers(ref.id())).contains(number);
		assertThat(this.flags.flag(member(0), postId, FlagReason.INAPPROPRIATE, null)).isTrue();

		assertThat(visibleNumbers(ref.id())).doesNotContain(number);
		assertThat(notifications(author, "POST_HIDDEN")).isEqualTo(1);
		ReviewItemSummary item = pendingFor(postId);
		assertThat(item.score()).isEqualByComparingTo(new BigDecimal("3.00"));
		assertThat(item.reasons()).contains("flag:SPAM", "flag:INAPPROPRIATE", "hidden-by-flags");
		assertThat(this.queue.item(moderator(), item.id()).orElseThrow().flags()).hasSize(3)
			.allSatisfy((f) -> assertThat(f.weight().weight()).isEqualByComparingTo("1.00"));
	}

	@Test
	void theCountersShowItemsWaitingLiveAndTheMedianTimeToDecisionOfTheLast30Days() {
		this.clock.advance(Duration.ofDays(40));
		Viewer author = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Three flagged replies", "Hi."));
		List<Long> items = new ArrayList<>();
		int waitingBefore = this.queue.counters(moderator()).waiting();
		for (int i = 0; i < 3; i++) {
			long postId = postId(ref.id(), this.topics.reply(author, ref.id(), "Reply " + i, null));
			this.flags.flag(member(0), postId, FlagReason.OFF_TOPIC, null);
			items.add(pendingFor(postId).id());
		}
		assertThat(this.queue.counters(moderator()).waiting()).isEqualTo(waitingBefore + 3);

		this.clock.advance(Duration.ofMinutes(10));
		this.decisions.decide(moderator(), items.get(0), Decision.IGNORE, null);
		this.clock.advance(Duration.ofMinutes(20));
		this.decisions.decide(moderator(), items.get(1), Decision.IGNORE, null);
		var counters = this.queue.counters(moderator());
		assertThat(counters.waiting()).isEqualTo(waitingBefore + 1);
		assertThat(counters.medianTimeToDecision()).isEqualTo(Duration.ofMinutes(20));

		this.clock.advance(Duration.ofMinutes(30));
		this.decisions.decide(moderator(), items.get(2), Decision.IGNORE, null);
		assertThat(this.queue.counters(moderator()).medianTimeToDecision()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aMemberFlagsAPostOnceAndNeverTheirOwn() {
		Viewer author = member(0);
		Viewer flagger = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "A fine topic", "Hello."));
		long postId = postId(ref.id(), 1);
		this.flags.flag(flagger, postId, FlagReason.OFF_TOPIC, null);
		assertThatThrownBy(() -> this.flags.flag(flagger, postId, FlagReason.SPAM, null)).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsValue("review.flag.already"));
		assertThatThrownBy(() -> this.flags.flag(author, postId, FlagReason.SPAM, null)).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsValue("review.flag.ownPost"));
		assertThatThrownBy(() -> this.flags.flag(member(0), postId, FlagReason.OTHER, " ")).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsValue("review.flag.noteRequired"));
	}

	@Test
	void decidingUpdatesTheFlaggersRecordAndASecondDecisionChangesNothing() {
		Viewer author = member(0);
		Viewer flagger = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Rude words here", "Rude."));
		long postId = postId(ref.id(), 1);
		this.flags.flag(flagger, postId, FlagReason.INAPPROPRIATE, null);
		long itemId = pendingFor(postId).id();
		Viewer first = moderator();
		Viewer second = moderator();

		this.decisions.decide(first, itemId, Decision.HIDE, "Insults other members");

		assertThat(this.flags.record(flagger.memberId())).containsExactly(1, 0);
		assertThat(notifications(flagger, "FLAG_AGREED")).isEqualTo(1);
		assertThat(notifications(author, "POST_HIDDEN")).isEqualTo(1);
		assertThatThrownBy(() -> this.decisions.decide(second, itemId, Decision.APPROVE, null))
			.isInstanceOfSatisfying(StaleReviewException.class, (e) -> {
				assertThat(e.fieldErrors()).containsValue("review.alreadyDecided");
				assertThat(e.status()).isEqualTo("HIDDEN");
				assertThat(e.by()).isEqualTo(first.username());
			});
		assertThat(this.jdbc.sql("SELECT hidden_at IS NOT NULL FROM post WHERE id = ?")
			.param(postId)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc
			.sql("SELECT CONCAT(action, '|', actor_username, '|', reason) FROM audit_log WHERE target_type = 'POST' "
					+ "AND target_id = ?")
			.param(postId)
			.query(String.class)
			.list()).containsExactly("review.hide|" + first.username() + "|Insults other members");
	}

	@Test
	void aModeratorDecidesAndSilencesTheAuthorInOneStepAndTheMemberCanAppealTheSilence() {
		Viewer author = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Buy followers now", "Cheap."));
		long postId = postId(ref.id(), 1);
		this.flags.flag(member(0), postId, FlagReason.SPAM, null);
		long itemId = pendingFor(postId).id();
		Viewer first = moderator();
		assertThatThrownBy(() -> this.decisions.decide(first, itemId, Decision.REJECT, null,
				new AuthorSanction(Sanction.Kind.SILENCE, 3)))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.sanction.reasonRequired"));
		assertThat(pendingFor(postId).id()).isEqualTo(itemId);

		this.decisions.decide(first, itemId, Decision.REJECT, "Advertising",
				new AuthorSanction(Sanction.Kind.SILENCE, 3));

		assertThat(this.sanctions.active(author.memberId()).silenced()).isPresent();
		assertThatThrownBy(() -> this.topics.reply(author, ref.id(), "Still here", null))
			.isInstanceOf(RejectedException.class);
		assertThat(this.appeals.sanctions(author)).singleElement().satisfies((s) -> {
			assertThat(s.reason()).isEqualTo("Advertising");
			assertThat(s.appealable()).isTrue();
		});
		long sanctionId = this.appeals.sanctions(author).get(0).sanctionId();
		this.appeals.appealSanction(author, sanctionId, "I will not advertise again.");
		long appealItem = this.jdbc
			.sql("SELECT id FROM review_item WHERE kind = 'APPEAL' AND author_id = ? AND status = 'PENDING'")
			.param(author.memberId())
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.decisions.decide(first, appealItem, Decision.APPROVE, null))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.appeal.sameModerator"));
		this.decisions.decide(moderator(), appealItem, Decision.APPROVE, "Second chance");
		assertThat(this.sanctions.active(author.memberId()).silenced()).isEmpty();
	}

	@Test
	void aClaimedItemWaitsForTheModeratorWhoClaimedIt() {
		Viewer author = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Claim me please", "Text."));
		long postId = postId(ref.id(), 1);
		this.flags.flag(member(0), postId, FlagReason.SPAM, null);
		long itemId = pendingFor(postId).id();
		Viewer first = moderator();
		Viewer second = moderator();
		this.queue.claim(first, itemId);
		assertThatThrownBy(() -> this.decisions.decide(second, itemId, Decision.REJECT, null)).isInstanceOfSatisfying(
				StaleReviewException.class, (e) -> assertThat(e.fieldErrors()).containsValue("review.claimedByOther"));
		this.clock.advance(ReviewQueue.CLAIM_TIMEOUT.plusSeconds(1));
		this.decisions.decide(second, itemId, Decision.REJECT, null);
		assertThat(this.queries.topic(Viewer.ANONYMOUS, ref.id(), 1)).isEmpty();
	}

	@Test
	void aNewMembersFirstPostsWaitForApprovalAndNobodyElseSeesThem() {
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-approvals', 1, NOW())")
			.update();
		Viewer regular = member(1);
		Viewer newcomer = member(0);
		Category category = category();
		TopicRef ref = this.topics.startTopic(regular, new NewTopic(category.id(), "Welcome thread", "Say hi."));

		assertThatThrownBy(() -> this.topics.reply(newcomer, ref.id(), "Hi, I am new here", null))
			.isInstanceOf(PostHeldForReview.class);
		assertThat(visibleNumbers(ref.id())).containsExactly(1);
		assertThat(this.appeals.mine(newcomer)).singleElement()
			.satisfies((m) -> assertThat(m.state()).isEqualTo("WAITING"));

		ReviewItemSummary item = this.queue
			.pending(moderator(), new ReviewFilter(ReviewKind.APPROVAL, category.id(), null))
			.items()
			.get(0);
		assertThat(item.author()).isEqualTo(newcomer.username());
		this.decisions.decide(moderator(), item.id(), Decision.APPROVE, null);

		assertThat(visibleNumbers(ref.id())).containsExactly(1, 2);
		assertThat(notifications(newcomer, "POST_APPROVED")).isEqualTo(1);
		assertThat(notifications(regular, "REPLY")).isEqualTo(1);
		this.topics.reply(newcomer, ref.id(), "Now I post directly", null);
		assertThat(visibleNumbers(ref.id())).containsExactly(1, 2, 3);
	}

	@Test
	void watchedWordsBlockHoldCensorAndFlag() {
		insertWord("casino", WatchedAction.BLOCK);
		insertWord("便宜手表", WatchedAction.REQUIRE_APPROVAL);
		insertWord("дурак", WatchedAction.CENSOR);
		insertWord("crypto*", WatchedAction.FLAG);
		Viewer author = member(1);
		Category category = category();
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Watched words", "Hello there."));

		assertThatThrownBy(() -> this.topics.reply(author, ref.id(), "Visit my Casino tonight", null))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.watched.blocked"));
		assertThatThrownBy(() -> this.topics.reply(author, ref.id(), "这里有便宜手表出售", null))
			.isInstanceOf(PostHeldForReview.class);
		int censored = this.topics.reply(author, ref.id(), "Ты дурак, друг", null);
		int flagged = this.topics.reply(author, ref.id(), "Cryptocurrency tips inside", null);

		assertThat(this.jdbc.sql("SELECT raw FROM post WHERE topic_id = ? AND post_number = ?")
			.params(ref.id(), censored)
			.query(String.class)
			.single()).isEqualTo("Ты ■■■■■, друг");
		ReviewItemSummary item = pendingFor(postId(ref.id(), flagged));
		assertThat(item.kind()).isEqualTo(ReviewKind.WATCHED_WORD);
		assertThat(item.reasons()).containsExactly("word:crypto*");
		assertThat(visibleNumbers(ref.id())).contains(flagged);
	}

	@Test
	void rateLimitsRefuseWithTheTimeToWait() {
		this.jdbc.sql(
				"INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-posts-per-minute', 2, NOW())")
			.update();
		Viewer author = member(0);
		Category category = category();
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category.id(), "Fast poster", "First."));
		this.clock.advance(Duration.ofSeconds(20));
		this.topics.reply(author, ref.id(), "Second", null);
		this.clock.advance(Duration.ofSeconds(10));
		assertThatThrownBy(() -> this.topics.reply(author, ref.id(), "Third", null))
			.isInstanceOfSatisfying(RateLimitedException.class, (e) -> {
				assertThat(e.fieldErrors()).containsValue("review.rateLimited.POST");
				assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
			});
		this.clock.advance(Duration.ofSeconds(31));
		this.topics.reply(author, ref.id(), "Third", null);
	}

	@Test
	void theSameTextPostedAgainAndAgainIsHeld() {
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('same-text-per-day', 2, NOW())")
			.update();
		Viewer author = member(1);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Repeat after me", "Start."));
		this.topics.reply(author, ref.id(), "Great deals at my shop", null);
		this.topics.reply(author, ref.id(), "great  deals at my SHOP", null);
		assertThatThrownBy(() -> this.topics.reply(author, ref.id(), "Great deals at my shop", null))
			.isInstanceOf(PostHeldForReview.class);
	}

	@Test
	void anAppealGoesToAnotherModeratorAndOverturningCountsAgainstTheFirst() {
		Viewer author = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "My honest review", "Fine."));
		long postId = postId(ref.id(), 1);
		this.flags.flag(member(0), postId, FlagReason.SPAM, null);
		long itemId = pendingFor(postId).id();
		Viewer first = moderator();
		this.decisions.decide(first, itemId, Decision.REJECT, "Looks like spam");
		assertThat(this.appeals.mine(author)).singleElement().satisfies((m) -> {
			assertThat(m.state()).isEqualTo("REJECTED");
			assertThat(m.note()).isEqualTo("Looks like spam");
			assertThat(m.appealable()).isTrue();
		});

		this.appeals.appeal(author, itemId, "It is my own experience, not an advert.");
		assertThatThrownBy(() -> this.appeals.appeal(author, itemId, "Again")).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsValue("review.appeal.already"));
		long appealItem = this.queue.pending(moderator(), new ReviewFilter(ReviewKind.APPEAL, null, null))
			.items()
			.stream()
			.filter((i) -> i.author().equals(author.username()))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(this.queue.pending(first, new ReviewFilter(ReviewKind.APPEAL, null, null)).items())
			.noneMatch((i) -> i.id() == appealItem);
		assertThatThrownBy(() -> this.decisions.decide(first, appealItem, Decision.APPROVE, null))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.appeal.sameModerator"));

		this.decisions.decide(moderator(), appealItem, Decision.APPROVE, null);

		assertThat(visibleNumbers(ref.id())).containsExactly(1);
		assertThat(notifications(author, "APPEAL_GRANTED")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT overturned_at IS NOT NULL FROM review_item WHERE id = ?")
			.param(itemId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void editsAreScreenedLikeNewPosts() {
		insertWord("casino", WatchedAction.BLOCK);
		insertWord("дурак", WatchedAction.CENSOR);
		insertWord("crypto*", WatchedAction.FLAG);
		insertWord("便宜手表", WatchedAction.REQUIRE_APPROVAL);
		Viewer author = member(1);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Edited later", "Hello there."));
		long postId = postId(ref.id(), 1);

		assertThatThrownBy(() -> this.editor.edit(author, postId, null, "Visit my Casino tonight", 0))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.watched.blocked"));
		assertThat(raw(postId)).isEqualTo("Hello there.");

		this.editor.edit(author, postId, null, "Ты дурак, друг", 0);
		assertThat(raw(postId)).isEqualTo("Ты ■■■■■, друг");

		this.editor.edit(author, postId, null, "Cryptocurrency tips inside", 1);
		assertThat(pendingFor(postId).reasons()).containsExactly("word:crypto*");
		assertThat(visibleNumbers(ref.id())).contains(1);

		assertThatThrownBy(() -> this.editor.edit(author, postId, "Cheap watches", "这里有便宜手表出售", 2))
			.isInstanceOfSatisfying(PostHeldForReview.class, (e) -> assertThat(e.edit()).isTrue());
		assertThat(raw(postId)).isEqualTo("Cryptocurrency tips inside");
		assertThat(this.appeals.mine(author)).anySatisfy((m) -> {
			assertThat(m.state()).isEqualTo("WAITING");
			assertThat(m.reasons()).contains("edit", "word:便宜手表");
		});
		long held = this.jdbc
			.sql("SELECT i.id FROM review_item i JOIN queued_post q ON q.id = i.queued_post_id "
					+ "WHERE q.edit_of_post_id = ? AND i.status = 'PENDING'")
			.param(postId)
			.query(Long.class)
			.single();

		this.decisions.decide(moderator(), held, Decision.APPROVE, null);

		assertThat(raw(postId)).isEqualTo("这里有便宜手表出售");
		assertThat(this.jdbc.sql("SELECT title FROM topic WHERE id = ?").param(ref.id()).query(String.class).single())
			.isEqualTo("Cheap watches");
		assertThat(visibleNumbers(ref.id())).containsExactly(1);
		assertThat(notifications(author, "POST_APPROVED")).isEqualTo(1);
	}

	@Test
	void aNewMembersEditWithTooManyLinksIsHeldAndEditsCountAgainstTheRateLimit() {
		this.jdbc.sql(
				"INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-posts-per-minute', 3, NOW())")
			.update();
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-approvals', 0, NOW())")
			.update();
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-links', 2, NOW())")
			.update();
		Viewer author = member(0);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Links later", "No links yet."));
		long postId = postId(ref.id(), 1);

		assertThatThrownBy(() -> this.editor.edit(author, postId, null,
				"See https://a.example https://b.example https://c.example https://d.example", 0))
			.isInstanceOf(PostHeldForReview.class);
		assertThat(raw(postId)).isEqualTo("No links yet.");

		this.editor.edit(author, postId, null, "No links at all.", 0);
		assertThatThrownBy(() -> this.editor.edit(author, postId, null, "Fourth change in a minute", 1))
			.isInstanceOfSatisfying(RateLimitedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.rateLimited.POST"));
		assertThat(raw(postId)).isEqualTo("No links at all.");
	}

	@Test
	void aPostHiddenDirectlyByAModeratorIsAppealedOnceAndOverturningCountsAgainstThatModerator() {
		Viewer author = member(1);
		TopicRef ref = this.topics.startTopic(author, new NewTopic(category().id(), "Hidden by hand", "Fine text."));
		long postId = postId(ref.id(), 1);
		Viewer hider = moderator();
		this.postModeration.hide(hider, postId, "Looks like an advert");
		assertThat(visibleNumbers(ref.id())).isEmpty();
		assertThat(this.appeals.mine(author)).singleElement().satisfies((m) -> {
			assertThat(m.state()).isEqualTo("HIDDEN");
			assertThat(m.note()).isEqualTo("Looks like an advert");
			assertThat(m.appealable()).isTrue();
		});
		var page = this.queries.topic(author, ref.id(), 1).orElseThrow();
		assertThat(this.appeals.hiddenPosts(author, page.posts()).get(postId).appealable()).isTrue();

		this.appeals.appealPost(author, postId, "It is my own experience, not an advert.");
		assertThatThrownBy(() -> this.appeals.appealPost(author, postId, "Again")).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsValue("review.appeal.already"));
		long appealItem = this.jdbc
			.sql("SELECT id FROM review_item WHERE kind = 'APPEAL' AND author_id = ? AND status = 'PENDING'")
			.param(author.memberId())
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.decisions.decide(hider, appealItem, Decision.APPROVE, null))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("review.appeal.sameModerator"));
		this.decisions.decide(moderator(), appealItem, Decision.APPROVE, null);

		assertThat(visibleNumbers(ref.id())).containsExactly(1);
		assertThat(this.stats.lines()).filteredOn((l) -> hider.username().equals(l.moderator()))
			.singleElement()
			.satisfies((l) -> {
				assertThat(l.decided()).isEqualTo(1);
				assertThat(l.overturned()).isEqualTo(1);
				assertThat(l.medianInQueue()).isNull();
			});

		this.postModeration.hide(hider, postId, "Still looks like an advert");
		var again = this.queries.topic(author, ref.id(), 1).orElseThrow();
		assertThat(this.appeals.hiddenPosts(author, again.posts()).get(postId).appealable()).isTrue();
		this.appeals.appealPost(author, postId, "I removed nothing because nothing was an advert.");
		assertThat(this.appeals.mine(author)).filteredOn((m) -> "HIDDEN".equals(m.state()))
			.singleElement()
			.satisfies((m) -> {
				assertThat(m.note()).isEqualTo("Still looks like an advert");
				assertThat(m.appealOutcome()).isEqualTo("PENDING");
			});
	}

	private String raw(long postId) {
		return this.jdbc.sql("SELECT raw FROM post WHERE id = ?").param(postId).query(String.class).single();
	}

	private void insertWord(String pattern, WatchedAction action) {
		this.jdbc.sql("INSERT INTO watched_word (pattern, action, created_at) VALUES (?, ?, NOW())")
			.params(pattern, action.name())
			.update();
	}

	private ReviewItemSummary pendingFor(long postId) {
		long id = this.jdbc.sql("SELECT id FROM review_item WHERE post_id = ? AND status = 'PENDING'")
			.param(postId)
			.query(Long.class)
			.single();
		return this.queue.item(moderator(), id).orElseThrow().summary();
	}

	private java.util.List<Integer> visibleNumbers(long topicId) {
		return this.queries.topic(Viewer.ANONYMOUS, topicId, 1)
			.orElseThrow()
			.posts()
			.stream()
			.filter((p) -> !p.withheld())
			.map(PostView::postNumber)
			.toList();
	}

	private int notifications(Viewer member, String kind) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = ?")
			.params(member.memberId(), kind)
			.query(Integer.class)
			.single();
	}

	private Viewer member(int trustLevel) {
		String name = unique("m");
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"),
				Set.of());
		this.jdbc.sql("UPDATE member SET trust_level = ? WHERE id = ?").params(trustLevel, id).update();
		return new Viewer(id, name, Set.of(Role.MEMBER), true);
	}

	private Viewer moderator() {
		String name = unique("mod");
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"),
				Set.of(Role.MODERATOR));
		return new Viewer(id, name, Set.of(Role.MEMBER, Role.MODERATOR), true);
	}

	private Category category() {
		String slug = unique("c").toLowerCase().replace('_', '-');
		Viewer staff = new Viewer(0L, "staff", Set.of(Role.STAFF), true);
		long id = this.categories.create(new NewCategory(null, slug, "Review " + slug, "", "#2f6f4f", "DISCUSSION",
				Access.ANYONE, Access.MEMBER, Access.MEMBER));
		return this.categories.findById(id, staff).orElseThrow();
	}

}

package com.rapport.community.moderation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.TopicView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moderation tools on the real database: every action changes what readers see, is
 * written to the audit log, and changes nothing when the item is no longer in the state
 * the moderator saw.
 */
class ModerationIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	TopicService topics;

	@Autowired
	TopicQueries queries;

	@Autowired
	Reactions reactions;

	@Autowired
	CategoryService categories;

	@Autowired
	MemberService members;

	@Autowired
	TopicModeration topicModeration;

	@Autowired
	TopicRestructuring topicRestructuring;

	@Autowired
	PostModeration postModeration;

	@Autowired
	Sanctions sanctions;

	@Autowired
	AuditLog audit;

	@Autowired
	CannedReplies canned;

	@Autowired
	MutableClock clock;

	@Autowired
	TrustLevels trustLevels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void closingATopicStopsRepliesAndIsLoggedOnce() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer author = member();
		Category category = category();
		TopicRef topic = this.topics.startTopic(author, new NewTopic(category.id(), "A topic to close", "Body text"));

		this.topicModeration.close(moderator, topic.id(), "Answered long ago");

		assertThatThrownBy(() -> this.topics.reply(author, topic.id(), "Still here", null))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.topicModeration.close(moderator, topic.id(), null)).isInstanceOfSatisfying(
				RejectedException.class, (ex) -> assertThat(ex.fieldErrors()).containsValue("mod.topic.alreadyClosed"));
		List<AuditEntry> entries = this.audit
			.page(new AuditQuery(moderator.username(), null, null, null, null, null), null)
			.entries();
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("topic.close");
			assertThat(entry.targetId()).isEqualTo(topic.id());
			assertThat(entry.reason()).isEqualTo("Answered long ago");
			assertThat(entry.actorUsername()).isEqualTo(moderator.username());
		});
	}

	@Test
	void aGlobalPinPutsTheTopicOnTopOfTheListAcrossCategories() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer author = member();
		Category category = category();
		TopicRef pinned = this.topics.startTopic(author, new NewTopic(category.id(), "Read me first", "Rules"));
		this.topics.startTopic(author, new NewTopic(category.id(), "A later topic", "Chat"));

		this.topicModeration.pin(moderator, pinned.id(), false, null);
		assertThat(this.queries.inCategory(category, null).topics().get(0).id()).isEqualTo(pinned.id());

		this.topicModeration.pin(moderator, pinned.id(), true, this.clock.instant().plus(Duration.ofDays(1)));
		assertThat(this.queries.latest(Viewer.ANONYMOUS, null).topics().get(0).id()).isEqualTo(pinned.id());

		this.clock.advance(Duration.ofDays(2));
		this.topicModeration.unpinExpired();
		assertThat(this.topicModeration.status(moderator, pinned.id()).orElseThrow().pinned()).isFalse();
	}

	@Test
	void movingMergingAndSplittingKeepPostsAndCounters() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer author = member();
		Category from = category();
		Category to = category();
		TopicRef first = this.topics.startTopic(author, new NewTopic(from.id(), "First question", "One"));
		this.topics.reply(author, first.id(), "Reply one", null);
		TopicRef second = this.topics.startTopic(author, new NewTopic(from.id(), "Same question", "Two"));
		this.topics.reply(author, second.id(), "Reply two", null);

		this.topicModeration.move(moderator, first.id(), to.id(), "Belongs there");
		assertThat(category(to.id()).topicCount()).isEqualTo(1);
		assertThatThrownBy(() -> this.topicModeration.move(moderator, first.id(), to.id(), null))
			.isInstanceOf(RejectedException.class);

		this.topicRestructuring.merge(moderator, second.id(), first.id(), "Duplicate");
		TopicView merged = this.queries.topic(moderator, first.id(), 1).orElseThrow();
		assertThat(merged.posts()).extracting((p) -> p.html().strip())
			.containsExactly("<p>One</p>", "<p>Reply one</p>", "<p>Two</p>", "<p>Reply two</p>");
		assertThat(merged.summary().replyCount()).isEqualTo(3);
		assertThat(this.queries.topic(moderator, second.id(), 1)).isEmpty();
		assertThat(category(from.id()).topicCount()).isZero();

		TopicRef split = this.topicRestructuring.split(moderator, first.id(), List.of(3, 4), "The second question",
				to.id(), null);
		assertThat(this.queries.topic(moderator, split.id(), 1).orElseThrow().posts()).extracting((p) -> p.postNumber())
			.containsExactly(1, 2);
		assertThat(this.queries.topic(moderator, first.id(), 1).orElseThrow().summary().replyCount()).isEqualTo(1);
		assertThat(category(to.id()).topicCount()).isEqualTo(2);
	}

	@Test
	void aHiddenPostIsGoneForReadersButItsAuthorSeesWhy() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer author = member();
		Viewer reader = member();
		TopicRef topic = this.topics.startTopic(author, new NewTopic(category().id(), "Hidden reply here", "Body"));
		this.topics.reply(author, topic.id(), "Buy cheap stuff", null);
		long postId = this.queries.topic(author, topic.id(), 1).orElseThrow().posts().get(1).id();

		this.postModeration.hide(moderator, postId, "Advertising");

		assertThat(this.queries.topic(reader, topic.id(), 1).orElseThrow().posts()).hasSize(1);
		assertThat(this.queries.topic(author, topic.id(), 1).orElseThrow().posts().get(1)).satisfies((post) -> {
			assertThat(post.hidden()).isTrue();
			assertThat(post.hiddenReason()).isEqualTo("Advertising");
		});
		assertThatThrownBy(() -> this.postModeration.hide(moderator, postId, "Again"))
			.isInstanceOf(RejectedException.class);
		this.postModeration.unhide(moderator, postId, null);
		assertThat(this.queries.topic(reader, topic.id(), 1).orElseThrow().posts()).hasSize(2);
	}

	@Test
	void aSilencedMemberReadsButCannotPostOrReactUntilLifted() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer member = member();
		Viewer other = member();
		Category category = category();
		TopicRef topic = this.topics.startTopic(other, new NewTopic(category.id(), "Someone else's", "Body"));
		long postId = this.queries.topic(other, topic.id(), 1).orElseThrow().posts().get(0).id();

		long sanction = this.sanctions.silence(moderator, member.memberId(),
				this.clock.instant().plus(Duration.ofDays(3)), "Heated replies");

		assertThat(this.sanctions.isSilenced(member.memberId())).isTrue();
		assertThatThrownBy(() -> this.topics.reply(member, topic.id(), "Let me speak", null)).isInstanceOfSatisfying(
				RejectedException.class, (ex) -> assertThat(ex.fieldErrors()).containsValue("mod.silenced.refused"));
		assertThatThrownBy(() -> this.topics.startTopic(member, new NewTopic(category.id(), "New topic", "Body")))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.reactions.toggle(member, postId, Reaction.LIKE))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.sanctions.silence(moderator, member.memberId(),
				this.clock.instant().plus(Duration.ofDays(1)), "Twice"))
			.isInstanceOfSatisfying(RejectedException.class,
					(ex) -> assertThat(ex.fieldErrors()).containsValue("mod.sanction.alreadySilenced"));

		this.sanctions.lift(moderator, sanction, "Apologised");
		assertThat(this.sanctions.isSilenced(member.memberId())).isFalse();
		this.topics.reply(member, topic.id(), "Thank you", null);
		assertThatThrownBy(() -> this.sanctions.lift(moderator, sanction, null)).isInstanceOfSatisfying(
				RejectedException.class, (ex) -> assertThat(ex.fieldErrors()).containsValue("mod.sanction.notActive"));
	}

	@Test
	void aSanctionEndsByItself() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer member = member();
		this.sanctions.suspend(moderator, member.memberId(), this.clock.instant().plus(Duration.ofHours(1)), "Spam");
		assertThat(this.sanctions.isSuspended(member.memberId())).isTrue();
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.sanctions.isSuspended(member.memberId())).isFalse();
	}

	@Test
	void aModeratorCannotSanctionStaffOrAnotherModeratorAndAMemberCannotSanctionAtAll() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer otherModerator = member(Role.MODERATOR);
		Viewer staff = member(Role.STAFF);
		Viewer member = member();
		Instant until = this.clock.instant().plus(Duration.ofDays(1));
		assertThatThrownBy(() -> this.sanctions.suspend(moderator, staff.memberId(), until, "No"))
			.isInstanceOfSatisfying(RejectedException.class,
					(ex) -> assertThat(ex.fieldErrors()).containsValue("mod.member.protected"));
		assertThatThrownBy(() -> this.sanctions.silence(moderator, otherModerator.memberId(), until, "No"))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.sanctions.silence(member, moderator.memberId(), until, "No"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.sanctions.isSuspended(staff.memberId())).isFalse();
		assertThat(this.sanctions.isSilenced(otherModerator.memberId())).isFalse();
		// staff may silence a moderator
		this.sanctions.silence(staff, otherModerator.memberId(), until, "Too harsh");
		assertThat(this.sanctions.isSilenced(otherModerator.memberId())).isTrue();
	}

	@Test
	void theAuditLogFiltersPagesByKeysetAndRedactsAMemberKeepingEntries() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer staff = member(Role.STAFF);
		Viewer member = member();
		Category category = category();
		List<Long> topicIds = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			topicIds.add(this.topics.startTopic(member, new NewTopic(category.id(), "Topic number " + i, "Body")).id());
		}
		var result = this.topicModeration.bulkClose(moderator, topicIds);
		assertThat(result.changed()).isEqualTo(60);
		assertThat(this.topicModeration.bulkClose(moderator, topicIds.subList(0, 2)).unchanged()).isEqualTo(2);
		this.sanctions.silence(moderator, member.memberId(), this.clock.instant().plus(Duration.ofDays(1)),
				"Because " + member.username() + " shouted");

		AuditQuery mine = new AuditQuery(moderator.username(), "topic.close", null, null, null, null);
		AuditLog.AuditPage first = this.audit.page(mine, null);
		assertThat(first.entries()).hasSize(AuditLog.PAGE_SIZE);
		AuditLog.AuditPage second = this.audit.page(mine, first.nextBefore());
		assertThat(second.entries()).hasSize(10);
		assertThat(second.nextBefore()).isNull();
		assertThat(second.entries().get(0).id()).isLessThan(first.entries().get(AuditLog.PAGE_SIZE - 1).id());

		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		assertThat(
				this.audit.page(new AuditQuery(moderator.username(), null, null, null, today, today), null).entries())
			.hasSize(AuditLog.PAGE_SIZE);
		assertThat(
				this.audit.page(new AuditQuery(moderator.username(), null, null, null, today.plusDays(1), null), null)
					.entries())
			.isEmpty();
		assertThat(this.audit.page(new AuditQuery(null, null, AuditTarget.MEMBER, member.memberId(), null, null), null)
			.entries()).singleElement().satisfies((e) -> assertThat(e.action()).isEqualTo("member.silence"));
		List<AuditEntry> all = new ArrayList<>();
		this.audit.forEach(new AuditQuery(moderator.username(), null, null, null, null, null), all::add);
		assertThat(all).hasSize(61);

		int before = all.size();
		this.audit.redactMember(staff, member.memberId());
		List<AuditEntry> about = this.audit.about(member.memberId(), 100);
		assertThat(about).hasSize(61).allSatisfy((entry) -> {
			assertThat(entry.redacted()).isTrue();
			assertThat(entry.targetLabel()).isNull();
			if (entry.reason() != null) {
				assertThat(entry.reason()).doesNotContain(member.username());
			}
		});
		List<AuditEntry> after = new ArrayList<>();
		this.audit.forEach(new AuditQuery(moderator.username(), null, null, null, null, null), after::add);
		assertThat(after).hasSize(before);
	}

	@Test
	void aNewMemberReachesTrustLevelOneAfterAFewDaysAndPostsUnlessSanctioned() {
		Viewer moderator = member(Role.MODERATOR);
		Viewer active = member();
		Viewer silenced = member();
		Viewer quiet = member();
		Category category = category();
		for (Viewer writer : List.of(active, silenced)) {
			TopicRef topic = this.topics.startTopic(writer, new NewTopic(category.id(), "Three posts here", "One"));
			this.topics.reply(writer, topic.id(), "Two", null);
			this.topics.reply(writer, topic.id(), "Three", null);
		}
		this.sanctions.silence(moderator, silenced.memberId(), this.clock.instant().plus(Duration.ofDays(30)),
				"Cooling off");
		this.trustLevels.promoteNewMembers();
		assertThat(trustLevel(active)).isZero();

		this.clock.advance(Duration.ofDays(4));
		this.trustLevels.promoteNewMembers();
		assertThat(trustLevel(active)).isEqualTo(1);
		assertThat(trustLevel(silenced)).isZero();
		assertThat(trustLevel(quiet)).isZero();

		this.trustLevels.set(moderator, quiet.memberId(), 2);
		assertThat(trustLevel(quiet)).isEqualTo(2);
		assertThatThrownBy(() -> this.trustLevels.set(moderator, quiet.memberId(), 2))
			.isInstanceOf(RejectedException.class);
	}

	private int trustLevel(Viewer viewer) {
		return this.members.findById(viewer.memberId()).orElseThrow().trustLevel();
	}

	@Test
	void cannedRepliesFillInTheMemberAndTopic() {
		Viewer moderator = member(Role.MODERATOR);
		String title = unique("Welcome");
		long id = this.canned.create(moderator, title, "Hi {member}, thanks for asking in {topic}!");
		assertThat(this.canned.find(id).orElseThrow().fill("Ann", "Tents"))
			.isEqualTo("Hi Ann, thanks for asking in Tents!");
		assertThatThrownBy(() -> this.canned.create(moderator, title, "Other")).isInstanceOf(RejectedException.class);
		this.canned.delete(moderator, id);
		assertThatThrownBy(() -> this.canned.delete(moderator, id)).isInstanceOfSatisfying(RejectedException.class,
				(ex) -> assertThat(ex.fieldErrors()).containsValue("mod.canned.notFound"));
	}

	private Viewer member(Role... roles) {
		String name = unique("mod");
		Set<Role> granted = Set.of(roles);
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"),
				granted);
		Set<Role> all = new java.util.HashSet<>(granted);
		all.add(Role.MEMBER);
		return new Viewer(id, name, all, true);
	}

	private Category category() {
		String slug = unique("c").toLowerCase().replace('_', '-');
		long id = this.categories.create(new NewCategory(null, slug, slug, "", "#123456", "DISCUSSION", Access.ANYONE,
				Access.MEMBER, Access.MEMBER));
		return category(id);
	}

	private Category category(long id) {
		return this.categories.findById(id, new Viewer(0L, "x", Set.of(Role.STAFF), true)).orElseThrow();
	}

}

package com.rapport.community.topic;

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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicServiceIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	TopicService topics;

	@Autowired
	TopicQueries queries;

	@Autowired
	CategoryService categories;

	@Autowired
	MemberService members;

	@Autowired
	MutableClock clock;

	@Autowired
	AcceptedAnswers answers;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aReplyUpdatesTheCountersShownInLists() {
		Viewer author = member(true);
		Viewer replier = member(true);
		Category category = category(Access.ANYONE);
		TopicRef ref = this.topics.startTopic(author,
				new NewTopic(category.id(), "Tent leaks at the seams", "It leaks."));
		this.clock.advance(Duration.ofMinutes(5));
		int number = this.topics.reply(replier, ref.id(), "Seal the seams.", 1);

		assertThat(number).isEqualTo(2);
		TopicView view = this.queries.topic(Viewer.ANONYMOUS, ref.id(), 1).orElseThrow();
		assertThat(view.summary().replyCount()).isEqualTo(1);
		assertThat(view.summary().lastPoster()).isEqualTo(replier.username());
		assertThat(view.posts()).extracting(PostView::postNumber).containsExactly(1, 2);
		assertThat(view.posts().get(1).replyToPostNumber()).isEqualTo(1);
		assertThat(view.posts().get(0).replyToPostNumber()).isNull();
		Category reloaded = this.categories.findById(category.id(), Viewer.ANONYMOUS).orElseThrow();
		assertThat(reloaded.topicCount()).isEqualTo(1);
		assertThat(reloaded.postCount()).isEqualTo(2);
	}

	@Test
	void aMemberWhoHasNotConfirmedTheirEmailCannotPost() {
		Viewer unverified = member(false);
		Category category = category(Access.ANYONE);
		assertThatThrownBy(
				() -> this.topics.startTopic(unverified, new NewTopic(category.id(), "A first question", "Hello!")))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("topic.verifyEmailFirst"));
	}

	@Test
	void aPrivateCategoryIsInvisibleToThoseWhoMayNotReadIt() {
		Viewer staff = new Viewer(member(true).memberId(), "staff", Set.of(Role.STAFF), true);
		Category lounge = category(Access.STAFF);
		TopicRef ref = this.topics.startTopic(staff, new NewTopic(lounge.id(), "Internal follow-ups", "Private."));

		assertThat(this.queries.topic(Viewer.ANONYMOUS, ref.id(), 1)).isEmpty();
		assertThat(this.queries.topic(member(true), ref.id(), 1)).isEmpty();
		assertThat(this.queries.latest(member(true), null).topics()).extracting(TopicSummary::id)
			.doesNotContain(ref.id());
		assertThat(this.queries.topic(staff, ref.id(), 1)).isPresent();
		assertThatThrownBy(() -> this.topics.reply(member(true), ref.id(), "Let me in", null))
			.isInstanceOf(RejectedException.class);
	}

	@Test
	void topicListsPageByLastActivityWithoutGapsOrRepeats() {
		Viewer author = member(true);
		Category category = category(Access.ANYONE);
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < TopicQueries.PAGE_SIZE + 5; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			created.add(
					this.topics.startTopic(author, new NewTopic(category.id(), "Topic number " + i, "Body " + i)).id());
		}
		TopicListPage first = this.queries.inCategory(category, null);
		TopicListPage second = this.queries.inCategory(category, first.nextCursor());

		assertThat(first.topics()).hasSize(TopicQueries.PAGE_SIZE);
		assertThat(second.nextCursor()).isNull();
		List<Long> seen = new ArrayList<>();
		first.topics().forEach((t) -> seen.add(t.id()));
		second.topics().forEach((t) -> seen.add(t.id()));
		java.util.Collections.reverse(created);
		assertThat(seen).containsExactlyElementsOf(created);
	}

	@Test
	void listsSortByNewestOrTopAndFilterSolvedTopics() {
		Viewer author = member(true);
		Viewer other = member(true);
		Category category = category(Access.ANYONE);
		TopicRef quiet = this.topics.startTopic(author, new NewTopic(category.id(), "A quiet topic", "Hello."));
		this.clock.advance(Duration.ofMinutes(1));
		TopicRef busy = this.topics.startTopic(author, new NewTopic(category.id(), "A busy topic", "Hello!"));
		this.clock.advance(Duration.ofMinutes(1));
		this.topics.reply(other, busy.id(), "First answer", null);
		this.topics.reply(other, busy.id(), "Second answer", null);
		this.clock.advance(Duration.ofMinutes(1));
		this.topics.reply(other, quiet.id(), "Bumped", null);
		this.answers.accept(author,
				this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 2")
					.param(busy.id())
					.query(Long.class)
					.single());

		assertThat(ids(TopicListQuery.LATEST, category)).containsExactly(quiet.id(), busy.id());
		assertThat(ids(TopicListQuery.of("newest", null, null), category)).containsExactly(busy.id(), quiet.id());
		assertThat(ids(TopicListQuery.of("top", "week", null), category)).containsExactly(busy.id(), quiet.id());
		assertThat(ids(TopicListQuery.of("latest", null, "yes"), category)).containsExactly(busy.id());
		assertThat(ids(TopicListQuery.of("latest", null, "no"), category)).containsExactly(quiet.id());
		assertThat(ids(TopicListQuery.of("nonsense", "forever", "maybe"), category)).hasSize(2);
	}

	private List<Long> ids(TopicListQuery query, Category category) {
		return this.queries.inCategory(category, query, null).topics().stream().map(TopicSummary::id).toList();
	}

	@Test
	void aGarbledCursorShowsTheFirstPage() {
		Category category = category(Access.ANYONE);
		assertThat(this.queries.inCategory(category, "not-a-cursor!").topics()).isEmpty();
	}

	private Viewer member(boolean verified) {
		String name = unique("m");
		Registration registration = new Registration(name, name + "@example.com", "a long secret phrase");
		long id = verified ? this.members.createVerified(registration, Set.of()) : this.members.register(registration);
		return new Viewer(id, name, Set.of(Role.MEMBER), verified);
	}

	private Category category(Access read) {
		String slug = unique("c").toLowerCase().replace('_', '-');
		long id = this.categories
			.create(new NewCategory(null, slug, slug, "", "#123456", "DISCUSSION", read, Access.MEMBER, Access.MEMBER));
		return this.categories.findById(id, new Viewer(0L, "x", Set.of(Role.STAFF), true)).orElseThrow();
	}

}

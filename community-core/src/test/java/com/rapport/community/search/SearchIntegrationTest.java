package com.rapport.community.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostEvents.AnswerAccepted;
import com.rapport.community.topic.PostEvents.PostEdited;
import com.rapport.community.topic.PostEvents.PostRemoved;
import com.rapport.community.topic.PostEvents.PostRestored;
import com.rapport.community.topic.PostRenderer;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	TopicService topics;

	@Autowired
	CategoryService categories;

	@Autowired
	MemberService members;

	@Autowired
	PostRenderer renderer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MutableClock clock;

	@Test
	void aChineseWordIsFoundInsideASentence() {
		String category = category(Access.ANYONE);
		TopicRef topic = topic(category, "户外装备求助", "我的帐篷在暴雨中漏水了，怎么办？");

		SearchResults results = search("帐篷", category);

		assertThat(results.hits()).extracting(SearchHit::topicId).containsExactly(topic.id());
		assertThat(results.hits().get(0).snippet()).contains("<mark>帐篷</mark>");
		assertThat(search("漏水", category).hits()).hasSize(1);
		assertThat(search("睡袋", category).hits()).isEmpty();
	}

	@Test
	void russianWordsMeetInAnyForm() {
		String category = category(Access.ANYONE);
		topic(category, "Вопрос о снаряжении", "Моя палатка протекает по швам после дождя.");

		SearchResults results = search("палатки", category);

		assertThat(results.hits()).hasSize(1);
		assertThat(results.hits().get(0).snippet()).contains("<mark>палатка</mark>");
		assertThat(search("\"протекает по швам\"", category).hits()).hasSize(1);
	}

	@Test
	void englishWordsMeetInAnyForm() {
		String category = category(Access.ANYONE);
		topic(category, "Camping question", "My tent leaks at the seams when it rains.");

		assertThat(search("tents", category).hits()).hasSize(1);
		assertThat(search("leaking seam", category).hits()).hasSize(1);
		assertThat(search("the tent", category).hits()).hasSize(1);
		assertThat(search("tent stove", category).hits()).as("every word that is not a stop word must match").isEmpty();
		assertThat(search("\"seams leak\"", category).hits()).as("a phrase keeps its order").isEmpty();
	}

	@Test
	void aPrivateCategoryIsSearchedOnlyByThoseWhoMayReadIt() {
		String word = word();
		String lounge = category(Access.STAFF);
		Viewer staff = new Viewer(member().memberId(), "staff", Set.of(Role.STAFF), true);
		TopicRef secret = this.topics.startTopic(staff,
				new NewTopic(categoryId(lounge), "Internal follow-ups", "Only staff read about " + word));

		assertThat(this.search.search(member(), SearchQuery.of(word)).hits()).isEmpty();
		assertThat(this.search.search(Viewer.ANONYMOUS, SearchQuery.of(word)).hits()).isEmpty();
		assertThat(this.search.search(member(), new SearchQuery(word, lounge, null, null, null, false, 1)).hits())
			.as("naming the category does not open it")
			.isEmpty();
		assertThat(this.search.search(staff, SearchQuery.of(word)).hits()).extracting(SearchHit::topicId)
			.containsExactly(secret.id());
	}

	@Test
	void anEditReplacesTheTextFound() {
		String category = category(Access.ANYONE);
		String before = word();
		String after = word();
		TopicRef topic = topic(category, "Stove trouble", "The burner sputters " + before);
		int reply = this.topics.reply(member(), topic.id(), "Clean the jet, it fixed mine " + before, null);

		edit(topic.id(), reply, "Clean the jet and the " + after + " too");

		assertThat(search(after, category).hits()).extracting(SearchHit::postNumber).containsExactly(reply);
		assertThat(search(before, category).hits()).extracting(SearchHit::postNumber).containsExactly(1);
	}

	@Test
	void aNewTitleIsFoundWithEveryPostOfTheTopic() {
		String category = category(Access.ANYONE);
		String word = word();
		TopicRef topic = topic(category, "Old title here", "First post");
		this.topics.reply(member(), topic.id(), "A reply", null);
		long first = postId(topic.id(), 1);
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE topic SET title = ? WHERE id = ?").params("New title " + word, topic.id()).update();
			this.events.publishEvent(new PostEdited(first, topic.id()));
		});

		SearchResults results = search(word, category);

		assertThat(results.hits()).hasSize(1);
		assertThat(results.hits().get(0).topicTitle()).isEqualTo("New title " + word);
		assertThat(search("old title", category).hits()).isEmpty();
	}

	@Test
	void aRemovedPostDisappearsAndComesBackWhenRestored() {
		String category = category(Access.ANYONE);
		String word = word();
		TopicRef topic = topic(category, "Lantern question", "Which lantern is brightest?");
		int reply = this.topics.reply(member(), topic.id(), "Spam spam " + word, null);
		long replyId = postId(topic.id(), reply);

		changeAndPublish("UPDATE post SET deleted_at = ? WHERE id = ?", replyId, new PostRemoved(replyId, topic.id()));
		assertThat(search(word, category).hits()).isEmpty();

		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE post SET deleted_at = NULL WHERE id = ?").param(replyId).update();
			this.events.publishEvent(new PostRestored(replyId, topic.id()));
		});
		assertThat(search(word, category).hits()).hasSize(1);

		long firstId = postId(topic.id(), 1);
		changeAndPublish("UPDATE post SET hidden_at = ? WHERE id = ?", firstId, new PostRemoved(firstId, topic.id()));
		assertThat(search(word, category).hits()).as("hiding the first post hides the topic").isEmpty();
	}

	@Test
	void aRebuildFindsWhatTheIndexMissedAndKeepsTheResults() {
		String category = category(Access.ANYONE);
		String word = word();
		String missed = word();
		TopicRef one = topic(category, "Sleeping pad " + word, "Which pad is warmest?");
		TopicRef two = topic(category, "Pad repair", "My " + word + " pad has a hole");
		SearchResults before = search(word, category);
		// a change that bypassed the events, e.g. a restored backup
		this.jdbc.sql("UPDATE post SET raw = ?, cooked = ? WHERE id = ?")
			.params(missed, this.renderer.render(missed), postId(two.id(), 1))
			.update();
		assertThat(search(missed, category).hits()).isEmpty();

		this.search.rebuild();

		assertThat(search(missed, category).hits()).extracting(SearchHit::topicId).containsExactly(two.id());
		assertThat(search(word, category).hits()).extracting(SearchHit::topicId)
			.containsExactly(one.id())
			.isSubsetOf(before.hits().stream().map(SearchHit::topicId).toList());
	}

	@Test
	void filtersNarrowTheResults() {
		String category = category(Access.ANYONE);
		String other = category(Access.ANYONE);
		String word = word();
		Viewer alice = member();
		Viewer bob = member();
		LocalDate firstDay = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		TopicRef early = this.topics.startTopic(alice,
				new NewTopic(categoryId(category), "Early question", "About " + word));
		this.clock.advance(Duration.ofDays(3));
		TopicRef late = this.topics.startTopic(bob, new NewTopic(categoryId(category), "Late question", word + "?"));
		int answer = this.topics.reply(alice, late.id(), "Answer on " + word, null);
		TopicRef elsewhere = this.topics.startTopic(bob,
				new NewTopic(categoryId(other), "Elsewhere question", "Also " + word));
		long answerId = postId(late.id(), answer);
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE topic SET solved_post_id = ? WHERE id = ?").params(answerId, late.id()).update();
			this.events.publishEvent(new AnswerAccepted(late.id(), answer, alice.memberId(), bob.memberId()));
		});
		Viewer reader = member();

		assertThat(ids(reader, new SearchQuery(word, null, null, null, null, false, 1))).contains(early.id(), late.id(),
				elsewhere.id());
		assertThat(ids(reader, new SearchQuery(word, category, null, null, null, false, 1)))
			.containsExactlyInAnyOrder(early.id(), late.id());
		assertThat(ids(reader, new SearchQuery(word, null, "@" + alice.username().toUpperCase(), null, null, false, 1)))
			.containsExactlyInAnyOrder(early.id(), late.id());
		assertThat(ids(reader, new SearchQuery(word, category, null, firstDay.plusDays(2), null, false, 1)))
			.containsExactly(late.id());
		assertThat(ids(reader, new SearchQuery(word, category, null, null, firstDay, false, 1)))
			.containsExactly(early.id());
		assertThat(ids(reader, new SearchQuery(word, null, null, null, null, true, 1))).containsExactly(late.id());
		assertThat(this.search.search(reader, new SearchQuery(word, "no-such-category", null, null, null, false, 1))
			.hits()).isEmpty();
		assertThatThrownBy(() -> this.search.search(reader,
				new SearchQuery(word, null, null, firstDay.plusDays(1), firstDay, false, 1)))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsValue("search.dates.order"));
	}

	@Test
	void bestMatchFirstThenTheNewerPostAndOneResultPerTopic() {
		String category = category(Access.ANYONE);
		String word = word();
		TopicRef older = topic(category, "Question one", "Same words " + word);
		this.clock.advance(Duration.ofMinutes(1));
		TopicRef newer = topic(category, "Question two", "Same words " + word);
		this.topics.reply(member(), newer.id(), "Reply with " + word + " again", null);
		this.clock.advance(Duration.ofMinutes(1));
		TopicRef inTitle = topic(category, "All about " + word, "Nothing else");

		SearchResults results = search(word, category);

		assertThat(results.hits()).extracting(SearchHit::topicId).containsExactly(inTitle.id(), newer.id(), older.id());
		assertThat(results.topicCount()).isEqualTo(3);
		assertThat(results.pageCount()).isEqualTo(1);
	}

	@Test
	void aSnippetShowsMarkupAsText() {
		String category = category(Access.ANYONE);
		String word = word();
		topic(category, "Escaping test", "Use `<script>alert('x')</script>` & \"quotes\" near " + word);

		String snippet = search(word, category).hits().get(0).snippet();

		assertThat(snippet).doesNotContain("<script", "<b", "alert('")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&amp;", "&quot;quotes&quot;",
					"<mark>" + word + "</mark>");
		assertThat(snippet.replaceAll("</?mark>", "")).doesNotContain("<", ">");
	}

	@Test
	void aLongPostIsCutAroundTheMatch() {
		String category = category(Access.ANYONE);
		String word = word();
		String filler = "The trail climbs slowly through the pine forest. ".repeat(40);
		topic(category, "A long story", filler + "Then " + word + " happened. " + filler);

		String snippet = search(word, category).hits().get(0).snippet();

		assertThat(snippet).startsWith("\u2026").endsWith("\u2026").contains("<mark>" + word + "</mark>");
		assertThat(snippet.length()).isLessThan(Snippets.WIDTH + 40);
	}

	@Test
	void aQueryIsCheckedNotTrusted() {
		String category = category(Access.ANYONE);
		topic(category, "Symbols", "Wildcards like te* and te?t and fuzzy~ are plain text here");

		assertThat(search("*", category).hits()).isEmpty();
		assertThat(search("te*", category).hits()).hasSize(1);
		assertThat(search("AND OR NOT ( ) [ ] { } : / \\ ^ ~", category).hits()).isNotNull();
		assertThat(search("   ", category)).isEqualTo(SearchResults.NONE);
		assertThatThrownBy(() -> search("x".repeat(SearchQuery.MAX_LENGTH + 1), category)).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsValue("search.query.tooLong"));
	}

	private SearchResults search(String text, String categorySlug) {
		return this.search.search(Viewer.ANONYMOUS, new SearchQuery(text, categorySlug, null, null, null, false, 1));
	}

	private java.util.List<Long> ids(Viewer viewer, SearchQuery query) {
		return this.search.search(viewer, query).hits().stream().map(SearchHit::topicId).toList();
	}

	private TopicRef topic(String categorySlug, String title, String body) {
		return this.topics.startTopic(member(), new NewTopic(categoryId(categorySlug), title, body));
	}

	private void edit(long topicId, int postNumber, String body) {
		long postId = postId(topicId, postNumber);
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE post SET raw = ?, cooked = ? WHERE id = ?")
				.params(body, this.renderer.render(body), postId)
				.update();
			this.events.publishEvent(new PostEdited(postId, topicId));
		});
	}

	private void changeAndPublish(String sql, long postId, Object event) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql(sql).params(Timestamp.from(this.clock.instant()), postId).update();
			this.events.publishEvent(event);
		});
	}

	/** A made-up word no other test writes, letters only so every analyser keeps it. */
	private static String word() {
		StringBuilder word = new StringBuilder("zq");
		for (char c : unique("").toCharArray()) {
			word.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : Character.isLetter(c) ? c : 'x');
		}
		return word.toString().toLowerCase();
	}

	private Viewer member() {
		String name = unique("s");
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"),
				Set.of());
		return new Viewer(id, name, Set.of(Role.MEMBER), true);
	}

	private String category(Access read) {
		String slug = unique("c").toLowerCase().replace('_', '-');
		this.categories
			.create(new NewCategory(null, slug, slug, "", "#123456", "DISCUSSION", read, Access.MEMBER, Access.MEMBER));
		return slug;
	}

	private long categoryId(String slug) {
		return this.categories.findBySlug(slug, new Viewer(0L, "x", Set.of(Role.STAFF), true)).orElseThrow().id();
	}

}

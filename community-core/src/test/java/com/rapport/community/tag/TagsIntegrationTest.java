package com.rapport.community.tag;

import java.util.List;
import java.util.Map;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.category.Access;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.Decision;
import com.rapport.community.review.ReviewDecisions;
import com.rapport.community.review.ReviewFilter;
import com.rapport.community.review.ReviewKind;
import com.rapport.community.review.ReviewQueue;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostHeldForReview;
import com.rapport.community.topic.TopicListQuery;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	Tags tags;

	@Autowired
	TopicQueries topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewQueue queue;

	@Autowired
	ReviewDecisions decisions;

	@Test
	void aTrustedMemberCreatesTagsWithTheTopic() {
		Viewer author = trusted(2);
		long category = newCategory(Access.ANYONE);
		String tent = tagName("tent");

		TopicRef topic = this.tags.startTopic(author, new NewTopic(category, "My tent leaks", "It leaks at the seams."),
				tent.toUpperCase() + ", Rain Gear");

		assertThat(this.tags.of(topic.id())).containsExactly("rain-gear", tent);
		assertThat(this.tags.find(tent)).get().extracting(Tag::name).isEqualTo(tent);
	}

	@Test
	void aNewMemberUsesExistingTagsButCreatesNone() {
		long category = newCategory(Access.ANYONE);
		String existing = tagName("boots");
		this.tags.startTopic(trusted(2), new NewTopic(category, "Boots for winter", "Which ones?"), existing);
		Viewer newcomer = trusted(1);

		assertThatThrownBy(() -> this.tags.startTopic(newcomer, new NewTopic(category, "New boots question", "Anyone?"),
				existing + ", " + tagName("brandnew")))
			.isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().get("tags"))
			.isEqualTo("tags.createNotAllowed");
		assertThat(countTopics(category)).as("a refused tag creates no topic").isEqualTo(1);

		TopicRef ok = this.tags.startTopic(newcomer, new NewTopic(category, "Other boots question", "Anyone?"),
				existing);
		assertThat(this.tags.of(ok.id())).containsExactly(existing);
	}

	@Test
	void moderatorsCreateTagsWhateverTheirTrust() {
		Viewer moderator = verifiedMember(Role.MODERATOR);
		assertThat(this.tags.mayCreate(moderator)).isTrue();
		assertThat(this.tags.mayCreate(trusted(1))).isFalse();
		assertThat(this.tags.mayCreate(Viewer.ANONYMOUS)).isFalse();
	}

	@Test
	void aTopicCarriesAtMostFiveTags() {
		Viewer author = trusted(3);
		long category = newCategory(Access.ANYONE);

		assertThatThrownBy(() -> this.tags.startTopic(author, new NewTopic(category, "Too many tags", "Body text"),
				"a1, a2, a3, a4, a5, a6"))
			.isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().get("tags"))
			.isEqualTo("tags.tooMany");
		assertThat(this.tags.maxPerTopic()).isEqualTo(5);
		assertThat(this.tags.maxLength()).isEqualTo(30);
	}

	@Test
	void onlyTheAuthorOrAModeratorRetagsAndTheModeratorIsAudited() {
		Viewer author = trusted(2);
		long category = newCategory(Access.ANYONE);
		String first = tagName("first");
		TopicRef topic = this.tags.startTopic(author, new NewTopic(category, "Retag me please", "Body text"), first);

		assertThatThrownBy(() -> this.tags.retag(trusted(2), topic.id(), "other")).isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().get("tags"))
			.isEqualTo("tags.notAllowed");

		Viewer moderator = verifiedMember(Role.MODERATOR);
		String second = tagName("second");
		assertThat(this.tags.retag(moderator, topic.id(), first + ", " + second)).containsExactly(first, second);
		Map<String, Object> entry = this.jdbc
			.sql("SELECT action, before_text, after_text FROM audit_log WHERE target_type = 'TOPIC' AND target_id = ?")
			.param(topic.id())
			.query()
			.singleRow();
		assertThat(entry).containsEntry("action", "topic.tags")
			.containsEntry("before_text", first)
			.containsEntry("after_text", first + ", " + second);

		assertThat(this.tags.retag(author, topic.id(), "")).isEmpty();
		assertThat(this.tags.of(topic.id())).isEmpty();
	}

	@Test
	void tagListsAndCountsShowOnlyTopicsOfReadableCategories() {
		Viewer staff = verifiedMember(Role.STAFF, Role.MODERATOR);
		long open = newCategory(Access.ANYONE);
		long hidden = newCategory(Access.STAFF);
		String tag = tagName("shared");
		TopicRef visible = this.tags.startTopic(staff, new NewTopic(open, "Visible tagged topic", "Body text"), tag);
		TopicRef secret = this.tags.startTopic(staff, new NewTopic(hidden, "Secret tagged topic", "Body text"), tag);
		long tagId = this.tags.find(tag).orElseThrow().id();
		Viewer member = trusted(0);

		List<Long> seen = this.topics.withTag(member, tagId, TopicListQuery.LATEST, null)
			.topics()
			.stream()
			.map(TopicSummary::id)
			.toList();
		assertThat(seen).containsExactly(visible.id());
		assertThat(this.topics.withTag(staff, tagId, TopicListQuery.LATEST, null).topics()).extracting(TopicSummary::id)
			.containsExactly(secret.id(), visible.id());
		assertThat(this.tags.visibleTo(member, 500)).contains(new TagCount(tag, 1));
		assertThat(this.tags.visibleTo(staff, 500)).contains(new TagCount(tag, 2));
		assertThat(this.topics.feedWithTag(Viewer.ANONYMOUS, tagId, 10)).hasSize(1);
	}

	@Test
	void tagPagesAreKeysetPaged() {
		Viewer author = trusted(2);
		long category = newCategory(Access.ANYONE);
		String tag = tagName("paged");
		for (int i = 0; i < TopicQueries.PAGE_SIZE + 2; i++) {
			this.tags.startTopic(author, new NewTopic(category, "Paged topic " + i, "Body text"), tag);
		}
		long tagId = this.tags.find(tag).orElseThrow().id();

		var first = this.topics.withTag(author, tagId, TopicListQuery.LATEST, null);
		var second = this.topics.withTag(author, tagId, TopicListQuery.LATEST, first.nextCursor());

		assertThat(first.topics()).hasSize(TopicQueries.PAGE_SIZE);
		assertThat(second.topics()).hasSize(2);
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void aNewMembersTopicHeldForApprovalKeepsItsTags() {
		long category = newCategory(Access.ANYONE);
		String existing = tagName("stoves");
		this.tags.startTopic(trusted(2), new NewTopic(category, "Stove for winter", "Which one?"), existing);
		Viewer newcomer = trusted(0);
		Viewer moderator = verifiedMember(Role.MODERATOR);
		this.jdbc.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('new-member-approvals', 1, NOW())")
			.update();
		try {
			assertThatThrownBy(() -> this.tags.startTopic(newcomer,
					new NewTopic(category, "My first stove question", "Gas or petrol?"), existing))
				.isInstanceOf(PostHeldForReview.class);
			var item = this.queue.pending(moderator, new ReviewFilter(ReviewKind.APPROVAL, category, null))
				.items()
				.get(0);
			this.decisions.decide(moderator, item.id(), Decision.APPROVE, null);
		}
		finally {
			this.jdbc.sql("DELETE FROM review_setting WHERE name = 'new-member-approvals'").update();
		}

		long published = this.jdbc.sql("SELECT id FROM topic WHERE category_id = ? AND title = ?")
			.params(category, "My first stove question")
			.query(Long.class)
			.single();
		assertThat(this.tags.of(published)).containsExactly(existing);
	}

	private static String tagName(String prefix) {
		return unique(prefix).toLowerCase().replace('_', '-');
	}

	private Viewer trusted(int level) {
		Viewer member = verifiedMember();
		this.jdbc.sql("UPDATE member SET trust_level = ? WHERE id = ?").params(level, member.memberId()).update();
		return member;
	}

	private int countTopics(long category) {
		return this.jdbc.sql("SELECT COUNT(*) FROM topic WHERE category_id = ?")
			.param(category)
			.query(Integer.class)
			.single();
	}

}

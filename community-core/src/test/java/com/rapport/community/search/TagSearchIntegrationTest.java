package com.rapport.community.search;

import java.util.List;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TagSearchIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	Tags tags;

	@Test
	void tagNarrowsTheSearchAndFollowsRetagging() {
		Viewer author = verifiedMember(Role.STAFF, Role.MODERATOR);
		long open = newCategory(Access.ANYONE);
		long hidden = newCategory(Access.STAFF);
		String tag = unique("gear").toLowerCase().replace('_', '-');
		String word = unique("zz").replace("_", "");
		TopicRef tagged = this.tags.startTopic(author, new NewTopic(open, "Tagged " + word, word + " here"), tag);
		TopicRef untagged = this.tags.startTopic(author, new NewTopic(open, "Plain " + word, word + " too"), "");
		TopicRef secret = this.tags.startTopic(author, new NewTopic(hidden, "Secret " + word, word + " staff"), tag);

		assertThat(ids(word)).contains(tagged.id(), untagged.id());
		assertThat(ids(word + " tag:" + tag.toUpperCase())).containsExactly(tagged.id());
		assertThat(ids("tags:" + tag)).containsExactly(tagged.id());
		assertThat(ids(word + " tag:c++")).isEmpty();

		this.tags.retag(author, untagged.id(), tag);
		this.tags.retag(author, tagged.id(), "");
		assertThat(ids(word + " tag:" + tag)).containsExactly(untagged.id()).doesNotContain(secret.id());
	}

	private List<Long> ids(String text) {
		return this.search.search(Viewer.ANONYMOUS, SearchQuery.of(text))
			.hits()
			.stream()
			.map(SearchHit::topicId)
			.toList();
	}

}

package com.rapport.portal.forum;

import java.util.Locale;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.AcceptedAnswers;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trusted member about to ask a question is shown the solved topic that already answers
 * it, asks anyway with tags, and follows a tag to the other topics that carry it.
 */
class TagsBrowserTest extends BrowserTest {

	@Autowired
	TopicService topics;

	@Autowired
	AcceptedAnswers answers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTrustedMemberSeesTheSolvedTopicThenStartsATaggedOneAndFollowsTheTag() {
		String word = unique("Primus").replace("_", "");
		Category category = testData().category(unique("Stoves"), Access.ANYONE, Access.MEMBER);
		Viewer earlier = testData().member("earlier");
		Viewer helper = testData().member("helper");
		TopicRef solved = this.topics.startTopic(earlier,
				new NewTopic(category.id(), word + " stove will not light in the cold", "It just sputters."));
		int reply = this.topics.reply(helper, solved.id(), "Warm the canister in your jacket first.", null);
		this.answers.accept(earlier,
				this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = ?")
					.params(solved.id(), reply)
					.query(Long.class)
					.single());
		Viewer asker = testData().member("asker");
		this.jdbc.sql("UPDATE member SET trust_level = 2 WHERE id = ?").param(asker.memberId()).update();
		String tag = unique("stoves").toLowerCase(Locale.ROOT).replace('_', '-');

		loginAs(asker.username(), TestData.PASSWORD);
		open("/new-topic");
		new Select(byId("categoryId")).selectByValue(Long.toString(category.id()));
		type("title", "My " + word + " stove won't light when it is cold");
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#similar-topics a.similar-topic")));
		assertThat(find("#similar-topics a.similar-topic").getText())
			.isEqualTo(word + " stove will not light in the cold");
		assertThat(find("#similar-topics .badge-solved").getText()).isEqualTo("Solved");
		assertAccessible();

		type("body", "Mine is a different model, and the canister is warm.");
		type("tags", tag.toUpperCase(Locale.ROOT) + ", Winter Camping");
		submit();

		assertThat(currentPath()).startsWith("/t/");
		assertThat(findAll(".tag-list a.tag")).extracting((link) -> link.getText())
			.containsExactly(tag, "winter-camping");
		clickAndWait(driver().findElement(By.linkText(tag)));

		assertThat(currentPath()).isEqualTo("/tag/" + tag);
		assertThat(find("h1").getText()).isEqualTo("Topics tagged " + tag);
		assertThat(find(".topic-list a.topic-title").getText())
			.isEqualTo("My " + word + " stove won't light when it is cold");
		assertAccessible();
		logout();
	}

}

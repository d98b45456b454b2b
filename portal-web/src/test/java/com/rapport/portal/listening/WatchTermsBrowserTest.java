package com.rapport.portal.listening;

import java.util.concurrent.ThreadLocalRandom;

import com.rapport.community.category.Access;
import com.rapport.community.listening.WatchTermBackfill;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff watch a competitor's name written in Chinese: an older post is counted by the
 * backfill, a new one as it is written, the chart's table shows both with their
 * sentiment, and the term leads to the posts.
 */
class WatchTermsBrowserTest extends BrowserTest {

	@Autowired
	TopicService topics;

	@Autowired
	WatchTermBackfill backfill;

	@Test
	void staffWatchATermAndFollowItToThePosts() {
		String term = "帐篷" + (char) (0x5000 + ThreadLocalRandom.current().nextInt(0x3000))
				+ (char) (0x5000 + ThreadLocalRandom.current().nextInt(0x3000));
		Viewer member = testData().member("camper");
		long category = testData().category("Camping", Access.ANYONE, Access.MEMBER).id();
		String title = "Old tent " + unique("t");
		long topic = this.topics.startTopic(member, new NewTopic(category, title, "我的" + term + "很好，我很喜欢。")).id();
		Viewer staff = testData().member("watcher", Role.STAFF);

		deleteCookies();
		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff");
		clickLink("Watch terms");
		type("term", term);
		submit();
		assertThat(find(".notice-success").getText()).contains("The term is watched");
		assertThat(pageText()).contains(term);
		assertAccessible();

		this.backfill.backfillPending();
		this.topics.reply(member, topic, "这个" + term + "下雨就漏水，太差了，非常失望。", null);
		open("/staff/watch-terms?by=day");
		String href = driver().findElement(By.linkText(term)).getDomAttribute("href");
		String section = "#term-" + href.substring(href.lastIndexOf('/') + 1);
		assertThat(find(section).getText()).contains("2 mentions in these periods")
			.doesNotContain("Counting older posts");
		click(section + " details summary");
		String table = find(section + " table").getText();
		// one positive post, one negative: half each
		assertThat(table).contains("Mentions", "Negative", "Neutral", "Positive", "1 (50%)", "0 (0%)");
		assertThat(findAll(section + " rect")).isNotEmpty();

		clickAndWait(find(section + " h2 a"));
		assertThat(find("h1").getText()).isEqualTo("Mentions of “" + term + "”");
		assertThat(byId("term-mentions").getText()).contains(title, "漏水");
		assertAccessible();
		clickLink(title);
		assertThat(currentPath()).startsWith("/t/");
	}

}

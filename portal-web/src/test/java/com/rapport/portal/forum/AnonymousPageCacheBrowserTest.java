package com.rapport.portal.forum;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.web.AnonymousPageCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the anonymous page cache on, as in production: a visitor reads a category from
 * memory, a member who posts sees their topic at once, and once logged out sees it in the
 * list too — the copy made before the post is not served again.
 */
class AnonymousPageCacheBrowserTest extends BrowserTest {

	@Autowired
	AnonymousPageCache cache;

	@Autowired
	TopicService topics;

	@BeforeEach
	void cacheOn() {
		deleteCookies();
		this.cache.setEnabled(true);
	}

	@AfterEach
	void cacheOff() {
		this.cache.setEnabled(false);
	}

	@Test
	void aTopicPostedInTheBrowserShowsToVisitorsAtOnce() {
		Category category = testData().category(unique("Lanterns"), Access.ANYONE, Access.MEMBER);
		Viewer member = testData().member("lantern");
		this.topics.startTopic(member, new NewTopic(category.id(), "Which mantle fits my lantern?", "Old one."));
		open("/c/" + category.slug());
		assertThat(pageText()).contains("Which mantle fits my lantern?");
		open("/c/" + category.slug());
		assertThat(pageText()).as("served again from memory").contains("Which mantle fits my lantern?");

		loginAs(member.username(), "a long secret phrase");
		open("/new-topic");
		new Select(byId("categoryId")).selectByVisibleText(category.name());
		type("title", "My lantern glass cracked in the cold");
		type("body", "Is a cracked glass safe to use?");
		submit();
		assertThat(find("h1").getText()).contains("My lantern glass cracked in the cold");

		logout();
		open("/c/" + category.slug());
		assertThat(pageText()).contains("My lantern glass cracked in the cold")
			.contains("Which mantle fits my lantern?");
	}

}

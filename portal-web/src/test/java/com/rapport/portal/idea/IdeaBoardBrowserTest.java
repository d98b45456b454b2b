package com.rapport.portal.idea;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.idea.IdeaBoard;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idea is voted for, planned by staff, and its voter sees the news.
 */
class IdeaBoardBrowserTest extends BrowserTest {

	@Autowired
	CategoryService categories;

	@Autowired
	TopicService topics;

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aMemberVotesStaffPlanTheIdeaAndTheMemberSeesIt() {
		String slug = unique("ideas").toLowerCase().replace('_', '-');
		long board = TestData.asStaff(() -> this.categories.create(new NewCategory(null, slug, "Product ideas", "",
				"#8250df", IdeaBoard.KIND, Access.ANYONE, Access.MEMBER, Access.MEMBER)));
		Viewer author = testData().member("dreamer");
		TopicRef idea = this.topics.startTopic(author,
				new NewTopic(board, "A rain cover for the Ridge 45", "It would keep the pack dry."));
		Viewer voter = testData().member("voter");
		Viewer staff = testData().member("planner", Role.STAFF, Role.MODERATOR);
		String topicPath = "/t/" + idea.slug() + "/" + idea.id();

		open(topicPath);
		assertThat(byId("idea-votes").getText()).isEqualTo("No votes yet");
		assertThat(byId("idea-login").getText()).isEqualTo("Log in to vote for this idea");

		loginAs(voter.username(), TestData.PASSWORD);
		open(topicPath);
		clickAndWait(byId("idea-vote"));
		assertThat(pageText()).contains("Thank you, your vote is counted.");
		assertThat(byId("idea-votes").getText()).isEqualTo("1 vote");
		assertThat(isPresent("#idea-unvote")).isTrue();
		assertAccessible();
		logout();

		loginAs(staff.username(), TestData.PASSWORD);
		open(topicPath);
		select("status", "PLANNED");
		submit();
		assertThat(pageText()).contains("The status of the idea is saved; its voters are told.");
		assertThat(find("h1 .badge-idea").getText()).isEqualTo("Planned");
		logout();

		loginAs(voter.username(), TestData.PASSWORD);
		open("/c/" + slug);
		assertThat(find(".topic-list .badge-idea").getText()).isEqualTo("Planned");
		assertThat(find(".topic-list .idea-votes-count").getText()).isEqualTo("1 vote");
		assertThat(find(".tabs [aria-current=page]").getText()).isEqualTo("Most votes");
		click("#notifications-bell");
		waitForPageLoad();
		assertThat(pageText()).contains("The idea “A rain cover for the Ridge 45” you voted for is now: Planned");
		clickAndWait(findAll(".notification-list a").stream()
			.filter((link) -> link.getText().contains("you voted for"))
			.findFirst()
			.orElseThrow());
		assertThat(find("h1 .badge-idea").getText()).isEqualTo("Planned");
		assertThat(isPresent("#idea-status")).as("a member cannot set the status").isFalse();
	}

}

package com.rapport.portal.mod.review;

import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.FlagReason;
import com.rapport.community.review.Flags;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members flag a post past the threshold, it disappears at once, a moderator rejects it
 * from the queue, and its author is told and may appeal.
 */
class ReviewBrowserTest extends BrowserTest {

	@Autowired
	TopicService topics;

	@Autowired
	Flags flags;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void defaultThreshold() {
		this.jdbc.sql("DELETE FROM review_setting WHERE name = 'flag-threshold'").update();
	}

	@Test
	void flaggedPastTheThresholdHiddenThenRejectedByAModeratorAndTheAuthorIsTold() {
		this.jdbc
			.sql("INSERT INTO review_setting (name, value, updated_at) VALUES ('flag-threshold', 200, NOW()) "
					+ "ON DUPLICATE KEY UPDATE value = 200")
			.update();
		Viewer author = testData().member("author");
		Viewer firstFlagger = testData().member("flagger");
		Viewer secondFlagger = testData().member("flagger");
		Viewer moderator = testData().member("moderator", Role.MODERATOR);
		long categoryId = testData().category("Tents", Access.ANYONE, Access.MEMBER).id();
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(categoryId, "Which tent for the Alps?", "Looking for a light tent."));
		this.topics.reply(author, topic.id(), "Cheap replica tents at my shop, write me!", null);
		long postId = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 2")
			.param(topic.id())
			.query(Long.class)
			.single();
		this.flags.flag(firstFlagger, postId, FlagReason.SPAM, null);

		deleteCookies();
		loginAs(secondFlagger.username(), TestData.PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		clickAndWait(find("#post-2 a[href$='/flag']"));
		assertAccessible();
		check("reason", true);
		submit();
		assertThat(pageText()).contains("The post is hidden until a moderator reviews it.");
		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(find("#post-2").getText()).contains("Hidden pending review").doesNotContain("replica tents");
		logout();

		loginAs(author.username(), TestData.PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(find("#post-2").getText()).contains("members flagged this post", "flagged as spam", "replica tents");
		assertAccessible();
		logout();

		loginAs(moderator.username(), TestData.PASSWORD);
		open("/mod/review?kind=FLAGGED&category=" + categoryId);
		assertThat(pageText()).contains("Which tent for the Alps?").contains("hidden by flags");
		clickAndWait(find(".review-queue tbody tr a"));
		assertAccessible();
		assertThat(pageText()).contains("Spam or advertising")
			.contains("Trust level 0: base 1.00; × 1.00 for a record of 0 flag(s) agreed with and 0 not = 1.00");
		type("note", "Advertising is not allowed here");
		clickAndWait(find("button[value=REJECT]"));
		assertThat(pageText()).contains("Rejected.");
		logout();

		loginAs(author.username(), TestData.PASSWORD);
		open("/notifications");
		assertThat(pageText())
			.contains("Your post in \"Which tent for the Alps?\" was hidden until a moderator reviews it.")
			.contains("A moderator deleted your post in \"Which tent for the Alps?\".");
		open("/moderation");
		assertThat(pageText()).contains("Deleted by a moderator").contains("Advertising is not allowed here");
		type("statement", "It was a genuine offer to members.");
		submit();
		assertThat(pageText()).contains("Your appeal was sent.");
	}

}

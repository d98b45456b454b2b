package com.rapport.portal.forum;

import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question gets answered: a mention and a notification, a like, a quote, the accepted
 * answer, a reaction given and taken back, an edit with its history, a delete a moderator
 * restores.
 */
class TopicActionsBrowserTest extends BrowserTest {

	static final String PASSWORD = TestData.PASSWORD;

	@Autowired
	MemberService members;

	@Autowired
	CategoryService categories;

	@Autowired
	TopicService topics;

	@Autowired
	PostEditor editor;

	@Autowired
	Reactions reactions;

	@Autowired
	JdbcClient jdbc;

	long categoryId;

	@BeforeAll
	void createCategory() {
		this.categoryId = testData().category("Gear questions", Access.ANYONE, Access.MEMBER).id();
	}

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aQuestionIsAnsweredLikedAndAccepted() {
		Viewer asker = member(Set.of());
		Viewer helper = member(Set.of());
		TopicRef topic = this.topics.startTopic(asker,
				new NewTopic(this.categoryId, "Which stove for winter camping?", "Gas or liquid fuel below -10 °C?"));

		loginAs(helper.username(), PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		clickLink("Quote");
		assertThat(byId("body").getDomProperty("value")).startsWith("> Gas or liquid fuel")
			.contains("[@" + asker.username() + ", #1]");
		type("body", "Liquid fuel works best in the cold, @" + asker.username() + ". Gas cartridges lose pressure.");
		submit();
		assertThat(pageText()).contains("Your reply was posted.");
		assertThat(find("#post-2 .mention").getText()).isEqualTo("@" + asker.username());
		logout();

		loginAs(asker.username(), PASSWORD);
		// the mention, and the thank-you for the asker's first post
		assertThat(find("#notifications-bell .bell-count").getText()).isEqualTo("2");
		click("#notifications-bell");
		waitForPageLoad();
		assertThat(pageText()).contains(helper.username() + " mentioned you in “Which stove for winter camping?”",
				"Thank you! You earned the badge “First post”.");
		assertAccessible();
		clickAndWait(findAll(".notification-list a").stream()
			.filter((link) -> link.getText().contains("mentioned you"))
			.findFirst()
			.orElseThrow());
		assertThat(driver().getCurrentUrl()).contains("#post-2");
		assertThat(find("#notifications-bell .bell-count").getText()).isEqualTo("1");

		clickAndWait(find("#post-2 button[aria-label^='Like']"));
		assertThat(find("#post-2 button.reacted").getText()).contains("1");
		clickAndWait(find("#post-2 form[action$='/accept'] button"));
		assertThat(pageText()).contains("The answer was accepted");
		assertThat(find(".accepted-answer").getText()).contains("Liquid fuel works best");
		assertAccessible();
		open("/latest");
		assertThat(find("tr:has(a[href*='/" + topic.id() + "'])").getText()).contains("Solved");
		new org.openqa.selenium.support.ui.Select(byId("solved")).selectByValue("no");
		submit();
		assertThat(pageText()).doesNotContain("Which stove for winter camping?");
		new org.openqa.selenium.support.ui.Select(byId("solved")).selectByValue("yes");
		submit();
		assertThat(pageText()).contains("Which stove for winter camping?");
		assertAccessible();
		logout();

		loginAs(helper.username(), PASSWORD);
		open("/notifications");
		assertThat(pageText()).contains("was accepted as the answer", "reacted to your post");
		logout();
	}

	@Test
	void aMemberReactsAndTakesTheReactionBackWhileVisitorsOnlySeeTheCounts() {
		Viewer author = member(Set.of());
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(this.categoryId, "Wool or synthetic socks?", "For a week on the trail."));
		this.reactions.toggle(member(Set.of()), firstPostId(topic), Reaction.THANKS);
		Viewer reader = member(Set.of());

		loginAs(reader.username(), PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(reaction("LIKE").getDomAttribute("aria-label")).isEqualTo("Like (0)");
		assertThat(reaction("LIKE").getDomAttribute("aria-pressed")).isEqualTo("false");
		clickAndWait(reaction("LIKE"));
		assertThat(reaction("LIKE").getDomAttribute("aria-label")).isEqualTo("Like (1)");
		assertThat(reaction("LIKE").getDomAttribute("aria-pressed")).as("shown as chosen").isEqualTo("true");
		assertThat(reaction("LIKE").getDomAttribute("class")).contains("reacted");
		assertThat(reaction("LIKE").getText()).contains("1");
		assertThat(reaction("THANKS").getDomAttribute("aria-pressed")).as("another's reaction").isEqualTo("false");
		assertAccessible();

		clickAndWait(reaction("LIKE"));
		assertThat(reaction("LIKE").getDomAttribute("aria-label")).isEqualTo("Like (0)");
		assertThat(reaction("LIKE").getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(reaction("LIKE").getDomAttribute("class")).doesNotContain("reacted");
		assertThat(reaction("THANKS").getDomAttribute("aria-label")).isEqualTo("Thanks (1)");
		logout();

		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(findAll("#post-1 button.reaction")).as("a visitor gets no buttons").isEmpty();
		assertThat(findAll("#post-1 .reactions .reaction")).extracting((r) -> r.getDomAttribute("aria-label"))
			.containsExactly("Thanks (1)");
	}

	@Test
	void anEditKeepsItsHistoryAndASimultaneousEditIsNotLost() {
		Viewer author = member(Set.of());
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(this.categoryId, "Tent pole snapped", "One pole snapped on the first night."));
		long postId = firstPostId(topic);

		loginAs(author.username(), PASSWORD);
		open("/p/" + postId + "/edit");
		type("body", "One pole snapped on the second night.");
		submit();
		assertThat(pageText()).contains("Your changes were saved.", "second night");
		clickLink("edited once");
		assertThat(find(".diff del").getText()).contains("first");
		assertThat(find(".diff ins").getText()).contains("second");
		assertAccessible();

		open("/p/" + postId + "/edit");
		// someone else saves in the meantime
		var current = this.editor.editable(author, postId);
		this.editor.edit(author, postId, null, "Changed elsewhere.", current.version());
		type("body", "My careful correction.");
		submit();
		assertThat(pageText()).contains("Someone saved this post while you were editing it");
		assertThat(byId("body").getDomProperty("value")).isEqualTo("My careful correction.");
		logout();
	}

	@Test
	void aDeletedReplyDisappearsAndAModeratorRestoresIt() {
		Viewer author = member(Set.of());
		Viewer replier = member(Set.of());
		Viewer moderator = member(Set.of(Role.MODERATOR));
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(this.categoryId, "Sleeping bag zipper stuck", "The zipper keeps snagging."));
		this.topics.reply(replier, topic.id(), "Oops, wrong topic, sorry.", null);

		loginAs(replier.username(), PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		clickAndWait(find("#post-2 form[action$='/delete'] button"));
		assertThat(pageText()).contains("The post was deleted.").doesNotContain("wrong topic");
		logout();

		loginAs(moderator.username(), PASSWORD);
		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(find("#post-2").getText()).contains("deleted", "wrong topic");
		clickAndWait(find("#post-2 form[action$='/restore'] button"));
		assertThat(pageText()).contains("The post was restored.");
		logout();

		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(pageText()).contains("wrong topic");
		assertThat(driver().findElements(By.cssSelector("form[action$='/delete']"))).isEmpty();
	}

	@Test
	void aMemberWatchesACategorySeesWhatIsNewAndMutesATopic() {
		Viewer reader = member(Set.of());
		Viewer author = member(Set.of());
		var category = testData().category("Trip reports", Access.ANYONE, Access.MEMBER);

		loginAs(reader.username(), PASSWORD);
		open("/c/" + category.slug());
		select("level", "WATCHING");
		submit();
		assertThat(pageText()).contains("Your notification level is saved.", "You will be told of every new post");
		assertAccessible();

		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(category.id(), "Three days on the ridge", "Clear skies, cold nights."));
		open("/latest");
		assertThat(find("tr:has(a[href*='/" + topic.id() + "'])").getText()).contains("New");
		open("/notifications");
		assertThat(pageText()).contains(author.username() + " started “Three days on the ridge”");

		open("/t/" + topic.slug() + "/" + topic.id());
		assertThat(pageText()).contains("Because of your level on its category.");
		this.topics.reply(author, topic.id(), "Day two: the wind picked up.", null);
		this.topics.reply(author, topic.id(), "Day three: summit!", null);
		open("/c/" + category.slug());
		clickAndWait(find("tr:has(a[href*='/" + topic.id() + "']) .badge-unread"));
		assertThat(driver().getCurrentUrl()).endsWith("#post-2");
		open("/notifications");
		assertThat(pageText()).contains("2 new posts in “Three days on the ridge”");

		open("/t/" + topic.slug() + "/" + topic.id());
		select("level", "MUTED");
		submit();
		assertThat(pageText()).contains("You will never be told anything about this.", "You chose this.");
		this.topics.reply(author, topic.id(), "Photos coming soon, @" + reader.username() + ".", null);
		open("/notifications");
		assertThat(pageText()).doesNotContain("Photos coming soon").doesNotContain("3 new posts");
		logout();
	}

	private long firstPostId(TopicRef topic) {
		return this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 1")
			.param(topic.id())
			.query(Long.class)
			.single();
	}

	/** The reaction button of the first post, of a signed-in member. */
	private WebElement reaction(String kind) {
		return find("#post-1 form.reactions button[value='" + kind + "']");
	}

	private Viewer member(Set<Role> roles) {
		return testData().member("hiker", roles.toArray(new Role[0]));
	}

}

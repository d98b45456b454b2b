package com.rapport.portal.forum;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profiles with their pictures, Atom feeds and the composer's live preview.
 */
class ProfileFeedAndPreviewBrowserTest extends BrowserTest {

	static final String PASSWORD = TestData.PASSWORD;

	@Autowired
	MemberService members;

	@Autowired
	CategoryService categories;

	@Autowired
	TopicService topics;

	String publicSlug;

	long publicCategory;

	long privateCategory;

	@BeforeAll
	void createCategories() {
		var trips = testData().category("Trip reports", Access.ANYONE, Access.MEMBER);
		this.publicSlug = trips.slug();
		this.publicCategory = trips.id();
		this.privateCategory = testData().category("Secret plans", Access.STAFF, Access.STAFF).id();
	}

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aMemberEditsTheirProfileAndOthersSeeItWithTheirTopics() {
		Viewer member = member(Set.of());
		this.topics.startTopic(member, new NewTopic(this.publicCategory, "Three days on the Kungsleden", "Lovely."));

		loginAs(member.username(), PASSWORD);
		click(".account-name");
		waitForPageLoad();
		clickLink("Edit profile");
		type("displayName", "Ольга Ким 金");
		type("bio", "I hike **every** weekend.");
		submit();
		assertThat(pageText()).contains("Your profile was saved.");
		assertThat(find("h1").getText()).isEqualTo("Ольга Ким 金");
		assertThat(find(".bio strong").getText()).isEqualTo("every");
		assertThat(pageText()).contains("Three days on the Kungsleden");
		assertAccessible();
		logout();

		open("/u/" + member.username());
		assertThat(find("h1").getText()).isEqualTo("Ольга Ким 金");
		open("/u/no-such-member-here");
		assertThat(find("h1").getText()).isEqualTo("Page not found");
	}

	@Test
	void aMemberUploadsAWebpPictureAndIsToldWhyOtherFilesAreRefused(@TempDir Path files) throws IOException {
		Viewer member = member(Set.of());
		// a lossless (VP8L) 24 x 24 WebP with transparency, made by
		// src/test/resources/avatars/make-samples.sh
		Path picture = Files.write(files.resolve("me.webp"), sample("lossless-alpha.webp"));
		Path damaged = Files.write(files.resolve("cut-off.webp"), sample("truncated.webp"));
		byte[] large = new byte[600 * 1024];
		byte[] small = sample("lossy.webp");
		System.arraycopy(small, 0, large, 0, small.length);
		Path oversized = Files.write(files.resolve("large.webp"), large);

		loginAs(member.username(), PASSWORD);
		open("/account/profile");
		assertThat(isPresent("img.avatar-large")).as("no picture yet").isFalse();
		uploadPicture(picture);
		assertThat(pageText()).contains("Your picture was saved.");
		assertThat(find("img.avatar-large").getDomAttribute("src"))
			.contains("/u/" + member.username() + "/avatar.png?v=1");
		assertThat(shownWidth(find("img.avatar-large"))).as("the picture loads and is drawn").isEqualTo(24);
		assertAccessible();

		uploadPicture(damaged);
		assertThat(find(".notice-error").getText())
			.isEqualTo("This image is damaged or incomplete and could not be read; nothing was changed.");
		uploadPicture(oversized);
		assertThat(find(".notice-error").getText()).isEqualTo("This file is larger than 512 KB; nothing was changed.");
		assertThat(find("img.avatar-large").getDomAttribute("src")).as("the earlier picture stays")
			.contains("/avatar.png?v=1");
		logout();

		open("/u/" + member.username());
		assertThat(shownWidth(find("img.avatar-large"))).as("others see it on the profile").isEqualTo(24);
	}

	@Test
	void theComposerPreviewsSanitisedMarkdownAsTheMemberTypes() {
		Viewer member = member(Set.of());
		loginAs(member.username(), PASSWORD);
		open("/new-topic");
		type("body", "**Strong** words <script>alert(1)</script> <img src=x onerror=alert(2)>");
		waitUntil((driver) -> driver.findElement(By.id("body-preview")).isDisplayed());
		assertThat(find("#body-preview strong").getText()).isEqualTo("Strong");
		assertThat(find("#body-preview").getDomProperty("innerHTML")).doesNotContain("<script", "onerror");
		logout();
	}

	@Test
	void feedsListNewTopicsOfPublicCategoriesOnly() throws Exception {
		Viewer member = member(Set.of());
		Viewer staff = member(Set.of(Role.STAFF));
		this.topics.startTopic(member,
				new NewTopic(this.publicCategory, "Fjällräven Classic & friends", "A <b>great</b> walk."));
		this.topics.startTopic(staff, new NewTopic(this.privateCategory, "Next season's prices", "Internal."));

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> latest = http.send(HttpRequest.newBuilder(URI.create(url("/latest.atom"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(latest.statusCode()).isEqualTo(200);
		assertThat(latest.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		assertThat(latest.body()).contains("<feed", "Fjällräven Classic &amp; friends").doesNotContain("Next season");
		HttpResponse<String> category = http.send(
				HttpRequest.newBuilder(URI.create(url("/c/" + this.publicSlug + ".atom"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(category.body()).contains("Trip reports", "Fjällräven Classic");
	}

	private void uploadPicture(Path file) {
		byId("avatar").sendKeys(file.toAbsolutePath().toString());
		clickAndWait(find("form[action='/account/avatar'] button[type=submit]"));
	}

	/** The width of the image as decoded by the browser, once it has loaded. */
	private long shownWidth(WebElement image) {
		return waitUntil((driver) -> {
			Object width = ((JavascriptExecutor) driver)
				.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : null", image);
			return (width instanceof Number number && number.longValue() > 0) ? number.longValue() : null;
		});
	}

	private static byte[] sample(String name) throws IOException {
		try (InputStream in = ProfileFeedAndPreviewBrowserTest.class.getResourceAsStream("/avatars/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

	private Viewer member(Set<Role> roles) {
		return testData().member("walker", roles.toArray(new Role[0]));
	}

}

package com.rapport.portal.mod;

import java.net.URI;

import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator's afternoon: pin and close a topic, suspend a member whose open session
 * then stops working, and find it all in the audit log.
 */
class ModerationBrowserTest extends BrowserTest {

	@Autowired
	TopicService topics;

	Viewer moderator;

	Viewer member;

	TopicRef topic;

	@BeforeEach
	void setUp() {
		deleteCookies();
		this.moderator = testData().member("mod", Role.MODERATOR);
		this.member = testData().member("loud");
		long category = testData().category("Trail talk", Access.ANYONE, Access.MEMBER).id();
		this.topic = this.topics.startTopic(this.member, new NewTopic(category, "Boots for wet trails", "Which?"));
	}

	@Test
	void aModeratorPinsClosesSuspendsAndFindsItInTheLog() {
		WebDriver members = newDriver("en-US");
		members.get(url("/login"));
		members.findElement(By.name("username")).sendKeys(this.member.username());
		members.findElement(By.name("password")).sendKeys(TestData.PASSWORD);
		members.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(members, java.time.Duration.ofSeconds(20))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		loginAs(this.moderator.username(), TestData.PASSWORD);
		open("/t/" + this.topic.slug() + "/" + this.topic.id());
		click("#topic-tools summary");
		select("scope", "global");
		clickAndWait(byId("pin-button"));
		assertThat(pageText()).contains("The topic is pinned.");
		click("#topic-tools summary");
		assertThat(find("#topic-tools").getText()).contains("Pinned on every list");
		type("reason", "Answered, thanks all");
		clickAndWait(byId("close-button"));
		assertThat(pageText()).contains("The topic is closed.");
		assertThat(find("h1").getText()).contains("Closed");
		assertAccessible();

		open("/mod/members/" + this.member.username());
		select("kind", "suspend");
		select("days", "3");
		type("reason", "Repeated insults");
		submit();
		assertThat(pageText()).contains("The sanction is in force.");
		assertThat(find("#active-sanctions").getText()).contains("Suspended", "Repeated insults");
		assertAccessible();

		members.get(url("/latest"));
		URI after = URI.create(members.getCurrentUrl());
		assertThat(after.getPath() + "?" + after.getQuery()).isEqualTo("/login?suspended");
		assertThat(members.findElement(By.id("suspension-notice")).getText()).contains("Repeated insults",
				"suspended until");
		members.findElement(By.id("appeal-username")).sendKeys(this.member.username());
		members.findElement(By.id("appeal-password")).sendKeys(TestData.PASSWORD);
		members.findElement(By.id("appeal-statement")).sendKeys("I answered an insult, I did not start it.");
		WebElement appeal = members.findElement(By.id("appeal-submit"));
		appeal.click();
		new WebDriverWait(members, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(appeal));
		assertThat(members.findElement(By.tagName("body")).getText()).contains("Your appeal was sent",
				"Your appeal is waiting for a moderator.", "Repeated insults");
		assertThat(members.findElements(By.id("appeal-password"))).isEmpty();
		members.quit();

		open("/mod/log?actor=" + this.moderator.username());
		assertThat(find("#audit-log").getText()).contains("topic.pin_globally", "topic.close", "member.suspend",
				"Boots for wet trails", "Repeated insults");
		assertAccessible();
		logout();
	}

}

package com.rapport.portal.reputation;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff stock a reward and thank a member with points; the member redeems the reward;
 * staff see the redemption and mark it sent.
 */
class RewardsBrowserTest extends BrowserTest {

	@BeforeEach
	void forgetSessions() {
		deleteCookies();
	}

	@Test
	void aMemberRedeemsARewardAndStaffMarkItSent() {
		Viewer staff = testData().member("keeper", Role.STAFF);
		Viewer member = testData().member("fan");
		String reward = unique("Trail mug");

		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff");
		clickLink("Rewards and points");
		fill("name", reward);
		fill("description", "Enamel, 350 ml");
		fill("cost", "40");
		fill("stock", "3");
		submitFormOf("stock");
		assertThat(pageText()).contains("The reward was added to the catalogue.");
		fill("username", member.username());
		fill("points", "50");
		fill("reason", "Led the spring clean-up walk");
		submitFormOf("reason");
		assertThat(pageText()).contains("The points were granted.");
		assertAccessible();
		logout();

		loginAs(member.username(), TestData.PASSWORD);
		open("/rewards");
		assertThat(byId("points-balance").getText()).contains("50");
		clickAndWait(buttonWithText("Redeem “" + reward + "”"));
		assertThat(pageText()).contains("Thank you! Your reward is being prepared");
		assertThat(byId("points-balance").getText()).contains("10");
		assertThat(find("#my-redemptions + ul").getText()).contains(reward).contains("being prepared");
		assertAccessible();
		logout();

		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff/rewards");
		clickAndWait(buttonWithText("Mark “" + reward + "” for " + member.username() + " as sent"));
		assertThat(pageText()).contains("The redemption is marked as sent.");
		assertThat(find("#sent-redemptions + ul").getText()).contains(reward).contains(member.username());
	}

	private void fill(String id, String text) {
		WebElement field = byId(id);
		field.clear();
		field.sendKeys(text);
	}

	private void submitFormOf(String id) {
		clickAndWait(byId(id).findElement(By.xpath("./ancestor::form//button[@type='submit']")));
	}

	private WebElement buttonWithText(String text) {
		return findAll("button").stream()
			.filter((button) -> text.equals(button.getText().strip()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no button " + text + " on " + currentPath()));
	}

}

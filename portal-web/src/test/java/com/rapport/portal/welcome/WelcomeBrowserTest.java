package com.rapport.portal.welcome;

import com.rapport.community.member.MemberEvents.EmailVerified;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new member finds the community's welcome message behind the bell, reads it, and stops
 * the sequence.
 */
class WelcomeBrowserTest extends BrowserTest {

	@Autowired
	WelcomeSequence sequence;

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aNewMemberSeesTheWelcomeMessageInThePortal() {
		Viewer member = testData().member("newcomer");
		this.sequence.on(new EmailVerified(member.memberId()));
		this.sequence.sendDue();

		loginAs(member.username(), TestData.PASSWORD);
		assertThat(find("#notifications-bell .bell-count").getText()).isEqualTo("1");
		clickAndWait(byId("notifications-bell"));
		clickLink("A message from the community: How this community works");
		assertThat(currentPath()).isEqualTo("/welcome/1");
		assertAccessible();
		assertThat(find("h1").getText()).isEqualTo("How this community works");
		assertThat(pageText()).contains("Ask a question or start a discussion");

		clickAndWait(find(".welcome-stop button"));
		assertThat(pageText()).contains("You will receive no more welcome messages.");
		open("/welcome/1");
		assertThat(isPresent(".welcome-stop button")).isFalse();
	}

}

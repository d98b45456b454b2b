package com.rapport.portal.message;

import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members write to each other privately; one of them then blocks the other.
 */
class MessagesBrowserTest extends BrowserTest {

	@Test
	void membersWriteToEachOtherAndOneBlocksTheOther() {
		Viewer ann = testData().member("ann");
		Viewer bob = testData().member("bob");

		loginAs(ann.username(), TestData.PASSWORD);
		open("/u/" + bob.username());
		clickLink("Send a message");
		assertThat(byId("to").getDomProperty("value")).isEqualTo(bob.username());
		type("subject", "Hi");
		type("body", "Do you still have the **spare stove**?");
		submit();
		assertThat(pageText()).contains("The subject must be 3 to 200 characters long.");
		assertThat(byId("body").getDomProperty("value")).isEqualTo("Do you still have the **spare stove**?");
		type("subject", "Spare stove");
		submit();
		assertThat(find("h1").getText()).isEqualTo("Spare stove");
		assertThat(find(".post-body strong").getText()).isEqualTo("spare stove");
		assertAccessible();
		String conversation = currentPath();
		logout();

		loginAs(bob.username(), TestData.PASSWORD);
		assertThat(find("#notifications-bell .bell-count").getText()).isEqualTo("1");
		open("/messages");
		assertThat(find(".conversation-list li.unread").getText()).contains("Spare stove", "1 unread",
				"with " + ann.username());
		assertAccessible();
		clickLink("Spare stove");
		type("body", "Yes, come and get it.");
		submit();
		assertThat(pageText()).contains("Your message was sent.", "Yes, come and get it.");
		open("/u/" + ann.username());
		clickAndWait(find(".profile-actions button"));
		assertThat(pageText()).contains("The member is blocked");
		logout();

		loginAs(ann.username(), TestData.PASSWORD);
		open(conversation);
		assertThat(pageText()).contains("Yes, come and get it.",
				"This member does not accept private messages from you.");
		assertThat(isPresent("#body")).isFalse();
		open("/messages/new?to=" + bob.username());
		type("subject", "One more thing");
		type("body", "Please?");
		submit();
		assertThat(pageText()).contains("This member does not accept private messages from you.");
		open("/messages/999999999");
		assertThat(pageText()).doesNotContain("Exception");
		logout();
	}

}

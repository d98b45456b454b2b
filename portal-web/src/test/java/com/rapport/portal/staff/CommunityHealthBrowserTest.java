package com.rapport.portal.staff;

import com.rapport.community.category.Access;
import com.rapport.community.health.CommunityRollups;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff read the community's health: the figures, the charts with their data tables, the
 * sentiment per category, and the daily figures as CSV.
 */
class CommunityHealthBrowserTest extends BrowserTest {

	@Autowired
	TopicService topics;

	@Autowired
	CommunityRollups rollups;

	@Test
	void staffSeeActivityResponseTimesAndSentimentPerCategory() {
		Viewer member = testData().member("healthy");
		String name = "Health " + unique("c");
		long category = testData().category(name, Access.ANYONE, Access.MEMBER).id();
		this.topics.startTopic(member,
				new NewTopic(category, "Terrible zipper", "The zipper broke on day one. Awful, I am furious."));
		this.topics.startTopic(member, new NewTopic(category, "Lovely tent", "Great tent, I love it!"));
		this.rollups.advance();
		Viewer staff = testData().member("healthstaff", Role.STAFF);

		deleteCookies();
		loginAs(staff.username(), TestData.PASSWORD);
		open("/staff");
		clickLink("Community health");
		assertThat(find("#chart-topics").getText()).startsWith("Topics: ");
		assertThat(Integer.parseInt(byId("health-active-month").getText())).isGreaterThanOrEqualTo(1);
		assertThat(find("#health-sentiment").getText()).contains(name, "50% negative");
		assertThat(byId("health-help").getText()).contains("does not change when a post is later hidden");
		assertAccessible();
		clickAndWait(find("a[href*='days=90']"));
		assertThat(find(".lead").getText()).startsWith("From ");
		assertThat(byId("health-csv").getDomAttribute("href")).contains("/staff/community.csv?days=90");
	}

}

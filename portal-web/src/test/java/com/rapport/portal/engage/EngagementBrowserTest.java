package com.rapport.portal.engage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff open the engagement page from the staff area, read the figures and the
 * per-channel table, change the period and download the daily figures as CSV.
 */
class EngagementBrowserTest extends BrowserTest {

	@Autowired
	EngagementCounts counts;

	@Test
	void staffReadEngagementAndDownloadTheCsv() throws Exception {
		LocalDate day = this.counts.today().minusDays(5);
		this.counts.count(day, Metric.SURVEY_SHOWN, SurveyChannel.INVITATION, 4);
		this.counts.count(day, Metric.SURVEY_OPENED, SurveyChannel.INVITATION, 1);
		Viewer staff = testData().member("engagejourney", Role.STAFF);

		deleteCookies();
		open("/latest");
		loginAs(staff.username(), TestData.PASSWORD);
		this.counts.flush();
		open("/staff");
		clickLink("Engagement");
		assertThat(find("h1").getText()).isEqualTo("Engagement");
		assertThat(Long.parseLong(byId("engagement-page-views").getText())).isGreaterThanOrEqualTo(1);
		assertThat(byId("channel-invitation").getText()).contains("Survey invitation in the forum");
		assertThat(find("#engagement-daily").getText()).contains(day.toString());
		assertThat(byId("engagement-help").getText()).contains("30-minute gap");
		assertAccessible();

		clickAndWait(find("a[href*='days=7']"));
		assertThat(find("#chart-pageViews").getText()).isEqualTo("Page views");
		String csvLink = byId("engagement-csv").getDomAttribute("href");
		assertThat(csvLink).isEqualTo("/staff/engagement.csv?days=7");
		String session = driver().manage().getCookieNamed("SESSION").getValue();
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(csvLink))).header("Cookie", "SESSION=" + session).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("day,page_views,visits,multi_page_visits,bounce_rate_percent,")
			.contains(day + ",0,0,0,,0,0,,0,0,,4,1,25.0,");
	}

}

package com.rapport.portal.staff;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.rapport.community.category.Access;
import com.rapport.community.health.CommunityRollups;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff read the community's health: the figures, the charts with their data tables, the
 * sentiment per category, the daily figures as CSV and the charts as PNG; a year is shown
 * week by week.
 */
class CommunityHealthBrowserTest extends BrowserTest {

	@Autowired
	TopicService topics;

	@Autowired
	CommunityRollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSeeActivityResponseTimesAndSentimentPerCategory() {
		String name = countTopicsAndSignInAsStaff("Terrible zipper",
				"The zipper broke on day one. Awful, I am furious.", "Lovely tent", "Great tent, I love it!");
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
		assertThat(isPresent("#health-weekly")).as("90 days are shown day by day").isFalse();
		assertThat(table("topics")).hasSize(90);

		String png = byId("health-png").getDomAttribute("href");
		assertIsPng(png);
		deleteCookies();
		assertThat(download(png).statusCode()).as("not without staff's session").isNotEqualTo(200);
	}

	@Test
	void aYearIsShownWeekByWeekWhileTheCsvKeepsEveryDay() {
		// two days of one week long ago, so that a weekly row adds up several days
		LocalDate monday = LocalDate.now(ZoneOffset.UTC).minusWeeks(20).with(DayOfWeek.MONDAY);
		addReplies(monday.plusDays(1), 3);
		addReplies(monday.plusDays(3), 4);
		countTopicsAndSignInAsStaff("A year on the trail", "Looking back.");
		open("/staff/community?days=365");
		assertThat(byId("health-weekly").getText()).contains("one row per week", "daily figures");
		assertThat(byId("health-png").getText()).isEqualTo("Weekly charts as PNG");
		assertIsPng(byId("health-png").getDomAttribute("href"));
		assertAccessible();

		HttpResponse<byte[]> csv = download(byId("health-csv").getDomAttribute("href"));
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).as("a header and 365 days").hasSize(366);
		List<String> figures = List.of("newMembers", "topics", "replies", "flags");
		for (int f = 0; f < figures.size(); f++) {
			Map<String, Integer> weeks = new TreeMap<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(",");
				String week = LocalDate.parse(cells[0]).with(DayOfWeek.MONDAY).toString();
				weeks.merge(week, Integer.parseInt(cells[f + 1]), Integer::sum);
			}
			Map<String, Integer> shown = new TreeMap<>();
			table(figures.get(f)).forEach((row) -> shown.put(row.get(0), Integer.parseInt(row.get(1))));
			assertThat(shown).as("weekly rows of %s add up the daily CSV", figures.get(f)).isEqualTo(weeks);
		}
		Map<String, Integer> replies = new TreeMap<>();
		table("replies").forEach((row) -> replies.put(row.get(0), Integer.parseInt(row.get(1))));
		assertThat(replies.get(monday.toString())).isGreaterThanOrEqualTo(7);
		assertThat(replies).hasSizeBetween(53, 54);
		assertThat(findAll("section[aria-labelledby='chart-replies'] svg rect.bar")).hasSizeLessThanOrEqualTo(54);
	}

	/**
	 * Starts topics in a new public category, brings the rollups up to date and signs in
	 * a new staff member in a fresh browser session.
	 * @param titlesAndBodies each topic's title followed by its first post
	 * @return the category's name
	 */
	private String countTopicsAndSignInAsStaff(String... titlesAndBodies) {
		Viewer member = testData().member("healthy");
		String name = "Health " + unique("c");
		long category = testData().category(name, Access.ANYONE, Access.MEMBER).id();
		for (int i = 0; i < titlesAndBodies.length; i += 2) {
			this.topics.startTopic(member, new NewTopic(category, titlesAndBodies[i], titlesAndBodies[i + 1]));
		}
		this.rollups.advance();
		Viewer staff = testData().member("healthstaff", Role.STAFF);
		deleteCookies();
		loginAs(staff.username(), TestData.PASSWORD);
		return name;
	}

	/** Downloads the link with the browser's session and checks it is a PNG image. */
	private void assertIsPng(String path) {
		HttpResponse<byte[]> image = download(path);
		assertThat(image.statusCode()).as(path).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(Arrays.copyOf(image.body(), 8)).as("PNG signature")
			.isEqualTo(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
	}

	/** The cells of a figure's data table (hidden in its details), row by row. */
	@SuppressWarnings("unchecked")
	private List<List<String>> table(String figure) {
		return (List<List<String>>) ((JavascriptExecutor) driver()).executeScript(
				"return Array.from(document.querySelectorAll(\"section[aria-labelledby='chart-\" + arguments[0]"
						+ " + \"'] tbody tr\")).map((r) => Array.from(r.cells).map((c) => c.textContent.trim()));",
				figure);
	}

	private void addReplies(LocalDate day, int replies) {
		this.jdbc
			.sql("INSERT INTO community_day (day, replies) VALUES (?, ?) "
					+ "ON DUPLICATE KEY UPDATE replies = replies + VALUES(replies)")
			.params(Date.valueOf(day), replies)
			.update();
	}

}

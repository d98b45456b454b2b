package com.rapport.portal.survey;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.survey.DisplayMode;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.SurveySettings;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pop-over embed: the brand's own page (another origin, served by a tiny HTTP server)
 * carries the script snippet; the survey opens in a frame floating in the corner, the
 * customer answers and reads the thank-you; another customer closes it instead, and the
 * frame goes away.
 */
class EmbedPopoverBrowserTest extends BrowserTest {

	@Autowired
	SurveyService surveys;

	@Autowired
	JdbcClient jdbc;

	private HttpServer brand;

	private volatile String brandPage = "";

	@BeforeAll
	void startBrandSite() throws IOException {
		this.brand = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.brand.createContext("/", (exchange) -> {
			byte[] body = this.brandPage.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.brand.start();
	}

	@AfterAll
	void stopBrandSite() {
		this.brand.stop(0);
	}

	@Test
	void aCustomerAnswersThePopOverOnTheBrandsPageAndAnotherClosesIt() throws Exception {
		String origin = "http://localhost:" + this.brand.getAddress().getPort();
		String key = unique("pop").toLowerCase().replace('_', '-');
		long id = this.surveys.create(key, "Checkout pop-over", List
			.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend the shop?", null, null)));
		this.surveys.publish(id);
		TestData.asStaff(() -> {
			this.surveys.update(id, "Checkout pop-over",
					new SurveySettings(DisplayMode.POPOVER, List.of(origin),
							new Localized("Thanks, that helps the shop!", null, null), null, 100, null, null, null,
							true, 0, null, null, null, null, null, null));
			return null;
		});

		// the brand's page with the snippet staff copied
		openBrandPage(key, "popover-" + key);
		WebElement frame = waitForFrame();
		assertThat(frame.getCssValue("position")).as("a pop-over floats").isEqualTo("fixed");
		driver().switchTo().frame(frame);
		driver().findElement(By.cssSelector("label[for$='-10']")).click();
		Thread.sleep(1100);
		driver().findElement(By.id("survey-submit")).click();
		waitUntil((d) -> !d.findElements(By.id("survey-thanks")).isEmpty());
		assertThat(driver().findElement(By.tagName("body")).getText()).contains("Thank you!",
				"Thanks, that helps the shop!");
		driver().switchTo().defaultContent();
		assertThat(this.jdbc
			.sql("SELECT CONCAT(channel, ' ', page_url, ' ', status) FROM survey_response WHERE survey_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("EMBED " + origin + "/shop COMPLETE");

		// another customer closes the pop-over: it leaves the brand's page
		openBrandPage(key, "closer-" + key);
		WebElement second = waitForFrame();
		driver().switchTo().frame(second);
		driver().findElement(By.id("survey-close")).click();
		driver().switchTo().defaultContent();
		waitUntil((d) -> d.findElements(By.cssSelector("iframe.rapport-survey")).isEmpty());
		assertThat(find("h1").getText()).isEqualTo("Outdoor gear");
	}

	private void openBrandPage(String key, String respondent) {
		this.brandPage = "<!DOCTYPE html><html lang=\"en\"><head><title>Outdoor gear</title></head><body>"
				+ "<h1>Outdoor gear</h1><p>Tents, stoves and boots.</p>" + "<script src=\"" + url("/embed.js")
				+ "\" data-survey=\"" + key + "\" data-respondent=\"" + respondent + "\" async></script></body></html>";
		driver().get("http://localhost:" + this.brand.getAddress().getPort() + "/shop");
	}

	private WebElement waitForFrame() {
		return waitUntil((d) -> {
			List<WebElement> frames = d.findElements(By.cssSelector("iframe.rapport-survey"));
			return (!frames.isEmpty() && frames.get(0).getSize().getHeight() > 50) ? frames.get(0) : null;
		});
	}

}

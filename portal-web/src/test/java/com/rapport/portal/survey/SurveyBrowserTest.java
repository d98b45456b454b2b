package com.rapport.portal.survey;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rapport.community.member.Role;
import com.rapport.portal.support.BrowserTest;
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
 * Staff build an NPS survey with a follow-up and publish it; a visitor answers it from
 * its link; a customer answers it embedded on another website (a page served on another
 * origin, another port, by a tiny HTTP server).
 */
class SurveyBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	private HttpServer shop;

	private volatile String shopPage = "";

	@BeforeAll
	void startShop() throws IOException {
		this.shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.shop.createContext("/", (exchange) -> {
			byte[] body = this.shopPage.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.shop.start();
	}

	@AfterAll
	void stopShop() {
		this.shop.stop(0);
	}

	@Test
	void staffBuildAnNpsSurveyThatVisitorsAnswerByLinkAndEmbedded() throws Exception {
		// another port is another origin (the browser resolves only localhost here)
		String shopOrigin = "http://localhost:" + this.shop.getAddress().getPort();
		String staff = testData().member("builder", Role.STAFF).username();
		String key = unique("nps").toLowerCase().replace('_', '-');

		deleteCookies();
		loginAs(staff, "a long secret phrase");
		open("/staff/surveys");
		assertAccessible();
		type("name", "Shop NPS");
		type("key", key);
		submit();
		assertThat(pageText()).contains("The survey was created.");

		select("type", "NPS");
		type("promptEn", "How likely are you to recommend the shop?");
		type("promptZh", "您向朋友推荐本店的可能性有多大？");
		submit();
		assertThat(pageText()).contains("The question was added.");

		select("type", "TEXT");
		type("promptEn", "What disappointed you?");
		check("required", false);
		select("conditionKey", "q1");
		select("conditionOperator", "LE");
		type("conditionValue", "6");
		submit();
		assertThat(find("#row-q2").getText()).contains("What disappointed you?", "when q1 ≤ 6");

		type("allowedOrigins", shopOrigin);
		submit();
		assertThat(pageText()).contains("The settings were saved.");
		clickAndWait(byId("survey-publish"));
		assertThat(byId("survey-status").getText()).isEqualTo("Published");
		assertAccessible();
		logout();

		// a visitor opens the public link: the NPS scale at once
		deleteCookies();
		open("/s/" + key);
		assertThat(findAll("input[type=radio]")).hasSize(11);
		assertAccessible();
		click("label[for$='-3']");
		Thread.sleep(1100);
		clickAndWait(byId("survey-submit"));
		assertThat(pageText()).contains("What disappointed you?");
		type(find("textarea").getDomAttribute("name"), "Delivery took three weeks.");
		Thread.sleep(1100);
		clickAndWait(byId("survey-submit"));
		assertThat(byId("survey-thanks").getText()).isEqualTo("Thank you!");

		// a customer on the shop's own website answers the embedded survey
		this.shopPage = "<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><h1>Checkout</h1>"
				+ "<script src=\"" + url("/embed.js") + "\" data-survey=\"" + key
				+ "\" data-respondent=\"customer-9\" data-plan=\"pro\" async></script></body></html>";
		driver().get(shopOrigin + "/checkout");
		WebElement frame = waitUntil((d) -> {
			List<WebElement> frames = d.findElements(By.cssSelector("iframe.rapport-survey"));
			return (!frames.isEmpty() && frames.get(0).getSize().getHeight() > 50) ? frames.get(0) : null;
		});
		driver().switchTo().frame(frame);
		driver().findElement(By.cssSelector("label[for$='-9']")).click();
		Thread.sleep(1100);
		driver().findElement(By.id("survey-submit")).click();
		waitUntil((d) -> !d.findElements(By.id("survey-thanks")).isEmpty());
		driver().switchTo().defaultContent();

		List<String> embedded = this.jdbc.sql(
				"SELECT CONCAT(r.channel, ' ', r.page_url, ' ', r.hidden_fields, ' ', r.status) FROM survey_response r "
						+ "JOIN survey s ON s.id = r.survey_id WHERE s.survey_key = ? AND r.channel = 'EMBED'")
			.param(key)
			.query(String.class)
			.list();
		assertThat(embedded).containsExactly("EMBED " + shopOrigin + "/checkout plan=pro COMPLETE");
		assertThat(this.jdbc.sql("SELECT response_count FROM survey WHERE survey_key = ?")
			.param(key)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}

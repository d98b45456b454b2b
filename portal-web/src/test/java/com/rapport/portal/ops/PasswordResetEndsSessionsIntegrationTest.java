package com.rapport.portal.ops;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.rapport.community.member.Viewer;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password reset logs out whoever knew the old password: the member's sessions on every
 * browser (kept in the database, so on every node) end, and a remember-me login made
 * before the reset no longer logs anyone in. Real HTTP, real Spring Session.
 */
class PasswordResetEndsSessionsIntegrationTest extends PortalIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPasswordResetEndsTheOtherSessionsAndForgetsRememberMeLogins() {
		Viewer member = testData().member("reset");
		String email = member.username() + "@example.com";

		// the member is logged in on a laptop (remembered) and on a phone
		HttpVisitor laptop = new HttpVisitor(url(""));
		laptop.get("/login");
		HttpResponse<String> remembered = laptop.post("/login",
				Map.of("username", member.username(), "password", TestData.PASSWORD, "remember-me", "on"));
		assertThat(remembered.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		String rememberMeCookie = remembered.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("remember-me=") && !cookie.startsWith("remember-me=;"))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no remember-me cookie"));
		HttpVisitor phone = new HttpVisitor(url(""));
		phone.login(member.username(), TestData.PASSWORD);
		assertThat(signedIn(laptop)).isTrue();
		assertThat(signedIn(phone)).isTrue();
		assertThat(signedIn(new HttpVisitor(url("")), rememberMeCookie)).as("remember-me before the reset").isTrue();
		assertThat(sessionsOf(member)).isGreaterThanOrEqualTo(2);

		// someone resets the password through the mailed link
		HttpVisitor resetting = new HttpVisitor(url(""));
		resetting.get("/password/reset");
		resetting.post("/password/reset", Map.of("login", email));
		String link = linkIn(awaitMailTo(email), "/password/reset/confirm");
		String token = UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
		URI uri = URI.create(link);
		resetting.get(uri.getRawPath() + "?" + uri.getRawQuery());
		assertThat(resetting
			.post("/password/reset/confirm", Map.of("token", token, "password", "a brand new passphrase 2026"))
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));

		// every browser that was logged in is logged out, also the remembered one
		assertThat(sessionsOf(member)).isZero();
		assertThat(signedIn(phone)).as("the phone's session").isFalse();
		assertThat(signedIn(laptop)).as("the laptop's session and remember-me cookie").isFalse();
		assertThat(signedIn(new HttpVisitor(url("")), rememberMeCookie)).as("remember-me after the reset").isFalse();
		// the new password works
		HttpVisitor again = new HttpVisitor(url(""));
		again.login(member.username(), "a brand new passphrase 2026");
		assertThat(signedIn(again)).isTrue();
	}

	/** Whether a page for logged-in members opens (instead of sending to the login). */
	private static boolean signedIn(HttpVisitor visitor, String... cookie) {
		HttpResponse<String> page = (cookie.length > 0) ? visitor.get("/notifications", "Cookie", cookie[0])
				: visitor.get("/notifications");
		return page.statusCode() == 200;
	}

	private long sessionsOf(Viewer member) {
		return this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
			.param(member.username())
			.query(Long.class)
			.single();
	}

}

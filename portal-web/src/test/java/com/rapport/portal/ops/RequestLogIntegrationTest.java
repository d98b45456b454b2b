package com.rapport.portal.ops;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.rapport.community.member.MemberService;
import com.rapport.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One line per request, and nothing secret in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIntegrationTest extends PortalIntegrationTest {

	@Autowired
	MemberService members;

	@Test
	void registrationLoginAndPasswordResetLeaveNoPasswordTokenOrEmailAddressInTheLog(CapturedOutput output) {
		String username = unique("logged");
		String email = username + "@example.com";
		// unique, so a match in the log can only come from this test
		String password = "correct horse battery " + java.util.UUID.randomUUID();
		String newPassword = "another staple phrase " + java.util.UUID.randomUUID();
		HttpVisitor visitor = new HttpVisitor(url(""));

		visitor.get("/register");
		assertThat(visitor.post("/register", Map.of("username", username, "email", email, "password", password))
			.statusCode()).isEqualTo(302);
		String verifyLink = linkIn(awaitMailTo(email), "/verify");
		assertThat(visitor.get(pathOf(verifyLink)).statusCode()).isEqualTo(200);
		visitor.get("/login");
		assertThat(visitor
			.post("/login", Map.of("username", email, "password", "a wrong guess " + java.util.UUID.randomUUID()))
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).contains("error"));
		visitor.login(username, password);
		assertThat(visitor.get("/").statusCode()).isEqualTo(200);
		visitor.post("/logout", Map.of());

		visitor.get("/password/reset");
		visitor.post("/password/reset", Map.of("login", email));
		String resetLink = linkIn(awaitMailTo(email, 2), "/password/reset/confirm");
		String resetToken = tokenOf(resetLink);
		visitor.get(pathOf(resetLink));
		assertThat(visitor.post("/password/reset/confirm", Map.of("token", resetToken, "password", newPassword))
			.statusCode()).isEqualTo(302);
		visitor.login(email, newPassword);
		visitor.get("/");

		long memberId = this.members.findAccount(username).orElseThrow().id();
		assertThat(output.getOut()).contains("POST /register 302", "GET /verify 200", "POST /login 302",
				"POST /password/reset/confirm 302", "member=" + memberId + " ");
		// every line but those of GreenMail, the test's stand-in for the SMTP server,
		// which
		// logs the mailboxes it creates
		String log = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(log).doesNotContain(password)
			.doesNotContain(newPassword)
			.doesNotContain("a wrong guess")
			.doesNotContain(tokenOf(verifyLink))
			.doesNotContain(resetToken)
			.doesNotContainIgnoringCase(email);
	}

	@Test
	void everyResponseCarriesARequestIdAndASafeIncomingOneIsKept(CapturedOutput output) {
		HttpVisitor visitor = new HttpVisitor(url(""));
		HttpResponse<String> fresh = visitor.get("/login");
		assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying((id) -> assertThat(id).hasSize(36));

		HttpResponse<String> kept = visitor.get("/login", "X-Request-Id", "lb-7f3a:42.x_y");
		assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a:42.x_y");
		assertThat(output.getOut()).contains("GET /login 200").contains("request=lb-7f3a:42.x_y");

		HttpResponse<String> replaced = visitor.get("/login", "X-Request-Id", "forged id\" level=ERROR");
		assertThat(replaced.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).hasSize(36).doesNotContain("forged"));
		assertThat(output.getOut()).doesNotContain("forged");
	}

	@Test
	void refusedRequestsAreLoggedToo(CapturedOutput output) {
		String id = unique("refused").replace('_', '-');
		new HttpVisitor(url("")).get("/actuator/prometheus", "X-Request-Id", id);
		assertThat(output.getOut()).containsPattern("GET - 401 \\d+ms member=- request=" + id);
	}

	private static String pathOf(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String tokenOf(String link) {
		return UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
	}

}

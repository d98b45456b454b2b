package com.rapport.portal;

import java.util.Set;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.portal.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe finds no serious or critical accessibility problem on the pages, in each language.
 */
class AccessibilityBrowserTest extends BrowserTest {

	@Autowired
	MemberService members;

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void publicPagesAreAccessibleInEveryLanguage() {
		for (String lang : new String[] { "en", "zh-CN", "ru" }) {
			for (String path : new String[] { "/", "/login", "/register", "/password/reset", "/no-such-page" }) {
				open(path + "?lang=" + lang);
				assertThat(find("html").getDomAttribute("lang")).isEqualTo(lang);
				assertAccessible();
			}
		}
	}

	@Test
	void theErrorPagesAreFriendly() {
		open("/no-such-page");
		assertThat(find("h1").getText()).isEqualTo("Page not found");
		assertThat(pageText()).contains("Powered by Rapport").doesNotContain("Exception");

		String name = unique("curious");
		this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"), Set.of());
		loginAs(name, "a long secret phrase");
		open("/staff");
		assertThat(find("h1").getText()).isEqualTo("Not allowed");
		assertAccessible();
		logout();
	}

	@Test
	void staffAndModerationPagesAreAccessible() {
		String name = unique("boss");
		this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"),
				Set.of(Role.STAFF));
		loginAs(name, "a long secret phrase");
		for (String path : new String[] { "/staff", "/staff/members?q=boss", "/staff/brand", "/mod", "/new-topic" }) {
			open(path);
			assertAccessible();
		}
		logout();
	}

}

package com.rapport.portal.account;

import java.util.Set;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.portal.support.BrowserTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new customer does first: sign up, confirm the address, log in, read the portal
 * in their language, recover a forgotten password, log out.
 */
class AccountJourneyBrowserTest extends BrowserTest {

	@Autowired
	MemberService members;

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aVisitorSignsUpConfirmsTheAddressLogsInSwitchesLanguageAndLogsOut() {
		String name = unique("hiker");
		String email = name + "@example.com";
		open("/register");
		assertAccessible();
		type("username", name);
		type("email", email);
		type("password", "mountain river stone");
		submit();

		assertThat(pageText()).contains(email);
		MimeMessage mail = awaitMailTo(email);
		String link = linkIn(mail, "/verify");

		loginAs(name, "mountain river stone");
		assertThat(pageText()).contains("Please confirm your email address");
		assertThat(byId("logout-button").isDisplayed()).isTrue();

		driver().get(link);
		waitForPageLoad();
		assertThat(byId("verified-ok").getText()).contains("confirmed");

		open("/");
		assertThat(pageText()).doesNotContain("Please confirm your email address");

		clickLink("简体中文");
		assertThat(find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(find("nav.main-nav").getText()).contains("最新");
		assertThat(byId("logout-button").getText()).isEqualTo("退出登录");

		open("/login?unused");
		assertThat(find("html").getDomAttribute("lang")).as("the choice is remembered").isEqualTo("zh-CN");

		open("/");
		clickLink("Русский");
		assertThat(find("html").getDomAttribute("lang")).isEqualTo("ru");
		assertThat(find("nav.main-nav").getText()).contains("Новое");
		assertThat(find("footer").getText()).contains("Работает на Rapport");

		logout();
		assertThat(isPresent("#logout-button")).isFalse();
		assertThat(find(".account-menu").getText()).contains("Войти");
		clickLink("English");
	}

	@Test
	void registrationRejectsBadInputNextToTheFieldAndKeepsWhatWasTyped() {
		String taken = unique("taken");
		this.members.createVerified(new Registration(taken, taken + "@example.com", "a long secret phrase"), Set.of());

		open("/register");
		type("username", taken.toUpperCase());
		type("email", "not-an-email");
		type("password", "short");
		submit();

		assertThat(byId("username-error").getText()).isEqualTo("This username is taken.");
		assertThat(byId("email-error").getText()).contains("Enter an email address");
		assertThat(byId("password-error").getText()).contains("at least 10 characters");
		assertThat(byId("username").getDomProperty("value")).isEqualTo(taken.toUpperCase());
		assertThat(byId("email").getDomProperty("value")).isEqualTo("not-an-email");
		assertThat(byId("password").getDomProperty("value")).as("passwords are never sent back").isEmpty();
		assertThat(this.members.findByUsername(taken.toUpperCase()).orElseThrow().email())
			.isEqualTo(taken + "@example.com");
		assertAccessible();
	}

	@Test
	void aForgottenPasswordIsResetThroughTheMailedLinkWhichWorksOnce() {
		String name = unique("forgetful");
		String email = name + "@example.com";
		this.members.createVerified(new Registration(name, email, "old long password"), Set.of());

		open("/login");
		clickLink("Forgot your password?");
		assertAccessible();
		type("login", email);
		submit();
		assertThat(pageText()).contains("a link to reset the password is on its way");

		String link = linkIn(awaitMailTo(email), "/password/reset/confirm");
		driver().get(link);
		waitForPageLoad();
		type("password", "brand new passphrase");
		submit();
		assertThat(pageText()).contains("Your password was changed");

		loginAs(name, "brand new passphrase");
		logout();

		driver().get(link);
		waitForPageLoad();
		type("password", "another new passphrase");
		submit();
		assertThat(pageText()).contains("This reset link is unknown, already used or expired");
	}

	@Test
	void rememberMeKeepsAMemberLoggedInAfterTheSessionEnds() {
		String name = unique("faithful");
		this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"), Set.of());
		open("/login");
		type("username", name);
		type("password", "a long secret phrase");
		check("remember-me", true);
		submit();
		assertThat(find(".account-name").getText()).isEqualTo(name);

		// the session cookie of Spring Session (sessions live in the database)
		assertThat(driver().manage().getCookieNamed("SESSION")).isNotNull();
		driver().manage().deleteCookieNamed("SESSION");
		Cookie rememberMe = driver().manage().getCookieNamed("remember-me");
		assertThat(rememberMe).isNotNull();
		open("/");
		assertThat(find(".account-name").getText()).isEqualTo(name);
		logout();
	}

	@Test
	void repeatedWrongPasswordsPauseTheLogin() {
		String name = unique("guessed");
		this.members.createVerified(new Registration(name, name + "@example.com", "the right phrase"), Set.of());
		for (int i = 0; i < 5; i++) {
			open("/login");
			type("username", name);
			type("password", "wrong guess " + i);
			submit();
			assertThat(pageText()).contains("The username or password is not right.");
		}
		open("/login");
		type("username", name);
		type("password", "the right phrase");
		submit();
		assertThat(pageText()).contains("Too many failed attempts");
		assertThat(isPresent("#logout-button")).isFalse();
	}

	@Test
	void theFirstVisitFollowsTheBrowsersLanguage() {
		WebDriver russian = newDriver("ru-RU,ru");
		russian.get(url("/login"));
		assertThat(russian.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");
		assertThat(russian.findElement(By.tagName("h1")).getText()).isEqualTo("Вход");
		russian.quit();

		WebDriver chinese = newDriver("zh-CN,zh");
		chinese.get(url("/register"));
		assertThat(chinese.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(chinese.findElement(By.tagName("h1")).getText()).isEqualTo("注册");
		chinese.quit();
	}

}

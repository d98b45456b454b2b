package com.rapport.portal.account;

import com.rapport.community.member.Viewer;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member changes which mail they get from their profile, then deletes their account and
 * can no longer log in.
 */
class EmailSettingsAndDeletionBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aMemberChoosesADailySummaryThenDeletesTheirAccount() {
		Viewer member = testData().member("journey");
		loginAs(member.username(), TestData.PASSWORD);

		open("/account/profile");
		clickLink("Email settings");
		assertAccessible();
		check("replies", false);
		click("#frequency-DAILY");
		submit();
		assertThat(pageText()).contains("Your email settings are saved.");
		assertThat(byId("replies").isSelected()).isFalse();
		assertThat(byId("frequency-DAILY").isSelected()).isTrue();

		clickLink("Delete my account");
		assertAccessible();
		assertThat(pageText()).contains("cannot be undone");
		type("password", "a wrong guess here");
		submit();
		assertThat(pageText()).contains("The password is not correct.");
		type("password", TestData.PASSWORD);
		submit();
		assertThat(pageText()).contains("Your account was deleted.");
		assertThat(isPresent("#logout-button")).isFalse();

		open("/login");
		type("username", member.username());
		type("password", TestData.PASSWORD);
		submit();
		assertThat(currentPath()).startsWith("/login");
		assertThat(this.jdbc.sql("SELECT deleted_at IS NOT NULL FROM member WHERE id = ?")
			.param(member.memberId())
			.query(Boolean.class)
			.single()).isTrue();
	}

}

package com.rapport.portal.staff;

import java.util.Set;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.portal.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff create a private category, make another an announcements-only one, reorder and
 * archive them, all from the staff area.
 */
class StaffCategoriesBrowserTest extends BrowserTest {

	static final String PASSWORD = "a long secret phrase";

	@Autowired
	MemberService members;

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void staffCreateEditReorderAndArchiveCategories() {
		String staff = unique("keeper");
		this.members.createVerified(new Registration(staff, staff + "@example.com", PASSWORD), Set.of(Role.STAFF));
		String member = unique("visitor");
		this.members.createVerified(new Registration(member, member + "@example.com", PASSWORD), Set.of());
		String slug = unique("team").toLowerCase().replace('_', '-');

		loginAs(staff, PASSWORD);
		open("/staff/categories");
		assertAccessible();
		type("slug", "Not A Slug!");
		type("name", "");
		submit();
		assertThat(byId("slug-error").getText()).contains("lowercase letters");
		assertThat(byId("name-error").getText()).isEqualTo("This field is required.");

		type("slug", slug);
		type("name", "Команда 团队");
		type("description", "Only for the team");
		type("color", "#57606a");
		new Select(byId("readAccess")).selectByValue("STAFF");
		new Select(byId("createAccess")).selectByValue("STAFF");
		submit();
		assertThat(pageText()).contains("The category was created.");
		assertThat(find("#category-" + slug).getText()).contains("Команда 团队", "Staff only");

		clickAndWait(find("#category-" + slug + " button[aria-label^='Move'][aria-label$='up']"));
		clickAndWait(find("#category-" + slug + " a.button"));
		assertAccessible();
		type("name", "Team room");
		submit();
		assertThat(find("#category-" + slug).getText()).contains("Team room");
		logout();

		loginAs(member, PASSWORD);
		open("/c/" + slug);
		assertThat(find("h1").getText()).isEqualTo("Page not found");
		open("/");
		assertThat(pageText()).doesNotContain("Team room");
		logout();

		loginAs(staff, PASSWORD);
		open("/staff/categories");
		clickAndWait(find("#category-" + slug + " form[action$='/archive'] button"));
		assertThat(pageText()).contains("The category was archived");
		assertThat(find("#category-" + slug).getText()).contains("archived");
		assertThat(driver().findElements(By.cssSelector("#category-" + slug))).hasSize(1);
		logout();
	}

}

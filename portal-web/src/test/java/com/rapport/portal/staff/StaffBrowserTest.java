package com.rapport.portal.staff;

import java.util.Set;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.portal.brand.BrandSettings;
import com.rapport.portal.support.BrowserTest;
import com.rapport.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff run the portal from the browser: they hand out roles and dress it in the brand.
 */
class StaffBrowserTest extends BrowserTest {

	@Autowired
	MemberService members;

	@Autowired
	BrandSettings brand;

	String staff;

	@BeforeEach
	void signInAsStaff() {
		deleteCookies();
		this.staff = unique("chief");
		this.members.createVerified(new Registration(this.staff, this.staff + "@example.com", "a long secret phrase"),
				Set.of(Role.STAFF));
	}

	@AfterEach
	void restoreBrand() {
		TestData.asStaff(() -> {
			this.brand.update("Rapport", "#0969da");
			return null;
		});
	}

	@Test
	void staffMakeAMemberModeratorAndTakeTheRoleBack() {
		String helper = unique("helper");
		this.members.createVerified(new Registration(helper, helper + "@example.com", "a long secret phrase"),
				Set.of());

		loginAs(this.staff, "a long secret phrase");
		open("/staff");
		clickLink("Members and roles");
		// the member search of the staff page, not the forum search in the header
		byId("q").sendKeys(helper);
		clickAndWait(find("form.search-form button"));
		clickAndWait(driver().findElement(By.cssSelector("#member-" + helper + " button")));
		assertThat(pageText()).contains("The role was granted.");
		assertThat(find("#member-" + helper).getText()).contains("Moderator");
		logout();

		loginAs(helper, "a long secret phrase");
		open("/mod");
		assertThat(find("h1").getText()).isEqualTo("Moderation");
		logout();

		loginAs(this.staff, "a long secret phrase");
		open("/staff/members?q=" + helper);
		clickAndWait(driver().findElement(By.cssSelector("#member-" + helper + " button")));
		assertThat(pageText()).contains("The role was revoked.");
		assertThat(this.members.findByUsername(helper).orElseThrow().roles()).containsExactly(Role.MEMBER);
		logout();
	}

	@Test
	void staffSetTheBrandNameAndColourShownInTheLayout() {
		loginAs(this.staff, "a long secret phrase");
		open("/staff/brand");
		type("name", "");
		type("accentColor", "green");
		submit();
		assertThat(byId("name-error").getText()).isEqualTo("This field is required.");
		assertThat(byId("accentColor-error").getText()).contains("six hex digits");
		assertThat(byId("accentColor").getDomProperty("value")).isEqualTo("green");

		type("name", "Северный ветер 北风");
		type("accentColor", "#aa3300");
		submit();
		assertThat(pageText()).contains("The brand was saved.");
		assertThat(find(".brand").getText()).isEqualTo("Северный ветер 北风");
		String css = find("link[href*='brand.css']").getDomAttribute("href");
		open(css);
		assertThat(pageText()).contains("--accent:#aa3300");
		open("/");
		logout();
	}

}

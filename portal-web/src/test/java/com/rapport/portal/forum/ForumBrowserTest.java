package com.rapport.portal.forum;

import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.portal.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member asks a question in Chinese and gets an answer; the topic has a readable URL.
 */
class ForumBrowserTest extends BrowserTest {

	@Autowired
	MemberService members;

	@Autowired
	CategoryService categories;

	String categoryName;

	@BeforeAll
	void createCategory() {
		this.categoryName = unique("Tents");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t", null,
					AuthorityUtils.createAuthorityList("ROLE_STAFF")));
		try {
			this.categories
				.create(new NewCategory(null, this.categoryName.toLowerCase().replace('_', '-'), this.categoryName,
						"Tents and tarps", "#2f6f4f", "DISCUSSION", Access.ANYONE, Access.MEMBER, Access.MEMBER));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aMemberStartsAChineseTopicAndAnotherReplies() {
		String asker = member(true);
		loginAs(asker, "a long secret phrase");
		open("/new-topic");
		new Select(byId("categoryId")).selectByVisibleText(this.categoryName);
		type("title", "帐篷");
		type("body", "x");
		submit();
		assertThat(byId("title-error").getText()).contains("5 to 200");
		assertThat(byId("title").getDomProperty("value")).isEqualTo("帐篷");

		type("title", "帐篷在大雨中会漏水吗？");
		type("body", "我的 **帐篷** 在暴雨中漏水了，怎么办？");
		submit();
		assertThat(currentPath()).startsWith("/t/");
		assertThat(driver().getCurrentUrl()).contains("/t/%E5%B8%90%E7%AF%B7");
		assertThat(find("h1").getText()).contains("帐篷在大雨中会漏水吗？");
		assertThat(find(".post-body strong").getText()).isEqualTo("帐篷");
		String topicUrl = driver().getCurrentUrl();
		logout();

		String helper = member(true);
		loginAs(helper, "a long secret phrase");
		driver().get(topicUrl);
		waitForPageLoad();
		type("body", "把外帐拉紧，再检查一下接缝。");
		submit();
		assertThat(pageText()).contains("Your reply was posted.", "把外帐拉紧");
		assertAccessible();
		logout();

		open("/latest");
		assertThat(pageText()).contains("帐篷在大雨中会漏水吗？");
	}

	@Test
	void aMemberWhoHasNotConfirmedTheAddressIsAskedToBeforePosting() {
		String name = unique("newbie");
		this.members.register(new Registration(name, name + "@example.com", "a long secret phrase"));
		loginAs(name, "a long secret phrase");
		open("/new-topic");
		new Select(byId("categoryId")).selectByVisibleText(this.categoryName);
		type("title", "My very first question");
		type("body", "Hello everyone!");
		submit();
		assertThat(pageText()).contains("Please confirm your email address before you post");
		logout();
	}

	private String member(boolean verified) {
		String name = unique("camper");
		Registration registration = new Registration(name, name + "@example.com", "a long secret phrase");
		if (verified) {
			this.members.createVerified(registration, Set.of());
		}
		else {
			this.members.register(registration);
		}
		return name;
	}

}

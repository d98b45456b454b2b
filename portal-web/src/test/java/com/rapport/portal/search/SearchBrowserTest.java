package com.rapport.portal.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.rapport.community.category.Access;
import com.rapport.community.category.CategoryService;
import com.rapport.community.category.NewCategory;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader searches the forums in Chinese, Russian and English, narrows the results and
 * opens the post found.
 */
class SearchBrowserTest extends BrowserTest {

	@Autowired
	MemberService members;

	@Autowired
	CategoryService categories;

	@Autowired
	TopicService topics;

	String campSlug;

	String campName;

	String staffSlug;

	Viewer author;

	@BeforeAll
	void createContent() {
		this.campName = unique("Camp");
		this.campSlug = this.campName.toLowerCase().replace('_', '-');
		this.staffSlug = unique("lounge").toLowerCase().replace('_', '-');
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t", null,
					AuthorityUtils.createAuthorityList("ROLE_STAFF")));
		try {
			this.categories.create(new NewCategory(null, this.campSlug, this.campName, "Camping", "#2f6f4f",
					"DISCUSSION", Access.ANYONE, Access.MEMBER, Access.MEMBER));
			this.categories.create(new NewCategory(null, this.staffSlug, this.staffSlug, "Staff only", "#2f6f4f",
					"DISCUSSION", Access.STAFF, Access.STAFF, Access.STAFF));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String name = unique("camper");
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "a long secret phrase"),
				Set.of());
		this.author = new Viewer(id, name, Set.of(Role.MEMBER), true);
	}

	@BeforeEach
	void freshVisitor() {
		deleteCookies();
	}

	@Test
	void aChineseWordFindsThePostAndLeadsToIt() {
		TopicRef topic = topic(this.campSlug, "户外装备求助", "我的帐篷在暴雨中漏水了，怎么办？");
		this.topics.reply(this.author, topic.id(), "检查一下接缝，再把外帐拉紧。", null);

		open("/search?q=" + encode("帐篷") + "&category=" + this.campSlug);

		assertThat(find("#results-heading").getText()).isEqualTo("1 topic found");
		assertThat(find(".search-results mark").getText()).isEqualTo("帐篷");
		assertThat(byId("search-query").getDomProperty("value")).isEqualTo("帐篷");
		assertAccessible();
		clickAndWait(find(".search-results a.topic-title"));
		assertThat(currentPath()).startsWith("/t/" + encode("户外装备求助").replace("+", "%20") + "/" + topic.id());
		assertThat(driver().getCurrentUrl()).endsWith("#post-1");
		assertThat(find("h1").getText()).contains("户外装备求助");
	}

	@Test
	void aRussianWordIsFoundInAnotherFormThroughTheForm() {
		topic(this.campSlug, "Снаряжение для похода", "Моя палатка протекает по швам после дождя.");

		open("/search?category=" + this.campSlug + "&lang=ru");
		assertThat(find("details.search-filters").getDomProperty("open")).isEqualTo("true");
		byId("search-query").sendKeys("палатки");
		clickAndWait(find("main form .search-form button[type=submit]"));

		assertThat(currentPath()).startsWith("/search?");
		assertThat(find("#results-heading").getText()).isEqualTo("Найдено тем: 1");
		assertThat(find(".search-results mark").getText()).isEqualTo("палатка");
		assertAccessible();
	}

	@Test
	void markupInAPostShowsAsTextAndPrivateCategoriesStayPrivate() {
		String word = unique("zq").toLowerCase();
		topic(this.campSlug, "Escaping in search", "Type `<script>alert(1)</script>` to test " + word);
		topic(this.staffSlug, "Internal notes here", "Staff only " + word);

		open("/search?q=" + word);

		assertThat(find("#results-heading").getText()).isEqualTo("1 topic found");
		assertThat(find(".search-results .post-body").getText()).contains("<script>alert(1)</script>");
		assertThat(find(".search-results .post-body").getDomProperty("innerHTML")).contains("&lt;script&gt;");
		assertThat(pageText()).doesNotContain("Internal notes here");
	}

	@Test
	void badInputGetsAClearMessage() {
		open("/search?q=" + "x".repeat(201));
		assertThat(find("#search-errors").getText()).contains("at most 200 characters");
		assertThat(isPresent("#results-heading")).isFalse();

		open("/search?q=tent&from=yesterday&to=2026-13-45");
		assertThat(byId("search-from-error").getText()).contains("year-month-day");
		assertThat(byId("search-to-error").getText()).contains("year-month-day");
		assertThat(find("details.search-filters").getDomProperty("open")).isEqualTo("true");
		assertAccessible();

		open("/search?q=tent&from=2026-05-02&to=2026-05-01&page=abc&solved=maybe");
		assertThat(byId("search-to-error").getText()).contains("before the start date");

		open("/search");
		assertThat(isPresent("#search-query")).isTrue();
		assertThat(isPresent("#results-heading")).isFalse();
	}

	@Test
	void theResultsPageIsAccessibleInEveryLanguage() {
		topic(this.campSlug, "Tent pegs in sand", "Which tent pegs hold in sand?");
		for (String lang : new String[] { "en", "zh-CN", "ru" }) {
			open("/search?q=tents&category=" + this.campSlug + "&lang=" + lang);
			assertThat(findAll(".search-results li")).as(lang).isNotEmpty();
			assertAccessible();
		}
		open("/search?q=" + encode("нет такого слова") + "&lang=ru");
		assertThat(find("#results-heading").getText()).isEqualTo("Ничего не найдено");
		assertAccessible();
	}

	private TopicRef topic(String categorySlug, String title, String body) {
		Viewer staff = new Viewer(this.author.memberId(), this.author.username(), Set.of(Role.STAFF), true);
		long categoryId = this.categories.findBySlug(categorySlug, staff).orElseThrow().id();
		return this.topics.startTopic(staff, new NewTopic(categoryId, title, body));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}

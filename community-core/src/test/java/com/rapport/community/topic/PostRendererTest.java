package com.rapport.community.topic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostRendererTest {

	private final PostRenderer renderer = new PostRenderer();

	@Test
	void rendersCommonMarkWithGithubTablesStrikethroughAndAutolinks() {
		String html = this.renderer.render("""
				**bold** ~~gone~~ https://example.com

				| a | b |
				|---|---|
				| 1 | 2 |

				```java
				int x = 1;
				```
				""");
		assertThat(html).contains("<strong>bold</strong>")
			.contains("<del>gone</del>")
			.contains("<a href=\"https://example.com\" rel=\"nofollow ugc noopener\">")
			.contains("<table>")
			.contains("<code class=\"language-java\">");
	}

	@Test
	void removesScriptsEventHandlersStylesIframesAndJavascriptUrls() {
		String html = this.renderer.render("""
				<script>alert(1)</script>
				<img src="https://example.com/a.png" onerror="alert(2)">
				<p style="color:red">styled</p>
				<iframe src="https://evil.example"></iframe>

				[click](javascript:alert(3)) <a href="javascript:alert(4)">raw</a>
				""");
		assertThat(html).doesNotContain("<script", "onerror", "style=", "<iframe", "href=\"javascript");
		assertThat(html).contains("https://example.com/a.png");
	}

	@Test
	void keepsTextInAnyLanguage() {
		assertThat(this.renderer.render("帐篷 **不漏水** — палатка 🏕️")).contains("帐篷", "<strong>不漏水</strong>", "палатка",
				"🏕️");
	}

}

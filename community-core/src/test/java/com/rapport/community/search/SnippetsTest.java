package com.rapport.community.search;

import java.util.List;

import com.rapport.community.search.Snippets.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

	@Test
	void marksMatchesAndEscapesEverythingElse() {
		String text = "a <b>tent</b> & \"tents\" it's";
		assertThat(Snippets.html(text, List.of(new Span(5, 9), new Span(17, 22))))
			.isEqualTo("a &lt;b&gt;<mark>tent</mark>&lt;/b&gt; &amp; &quot;<mark>tents</mark>&quot; it&#39;s");
	}

	@Test
	void joinsTouchingAndOverlappingMatches() {
		assertThat(Snippets.html("我的帐篷漏水", List.of(new Span(2, 3), new Span(3, 4), new Span(2, 4))))
			.isEqualTo("我的<mark>帐篷</mark>漏水");
	}

	@Test
	void cutsALongTextAroundTheMatchesAtSpaces() {
		String words = "word ".repeat(200);
		String text = words + "needle " + words;
		int at = words.length();
		String html = Snippets.html(text, List.of(new Span(at, at + 6)));
		assertThat(html).startsWith("\u2026word").endsWith("word\u2026").contains("<mark>needle</mark>");
		assertThat(html.length()).isLessThanOrEqualTo(Snippets.WIDTH + 15);
	}

	@Test
	void withoutMatchesShowsTheBeginning() {
		assertThat(Snippets.html("Short post", List.of())).isEqualTo("Short post");
		assertThat(Snippets.html("x".repeat(500), List.of())).hasSize(Snippets.WIDTH + 1).endsWith("\u2026");
	}

	@Test
	void ignoresMatchesOutsideTheTextAndKeepsSurrogatePairsWhole() {
		String text = "😀".repeat(300);
		String html = Snippets.html(text, List.of(new Span(-5, 2), new Span(9999, 10000)));
		assertThat(html).startsWith("<mark>😀</mark>");
		assertThat(html.codePoints().filter((c) -> Character.getType(c) == Character.SURROGATE)).isEmpty();
	}

}

package com.rapport.community.topic;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import org.springframework.stereotype.Component;

/**
 * Turns a post's Markdown (CommonMark with GitHub tables, strikethrough and autolinks)
 * into HTML that is safe to show: whatever the Markdown holds, the HTML passes an
 * allow-list that has no scripts, event handlers, styles, iframes or {@code javascript:}
 * URLs.
 */
@Component
public class PostRenderer {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
			AutolinkExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private final Safelist safelist = Safelist.relaxed()
		.addTags("del", "s", "hr")
		.addAttributes("a", "rel")
		.addAttributes("code", "class")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https")
		.addEnforcedAttribute("a", "rel", "nofollow ugc noopener");

	/**
	 * Renders and sanitises Markdown.
	 * @param markdown what the member wrote
	 * @return safe HTML
	 */
	public String render(String markdown) {
		String html = this.renderer.render(this.parser.parse(markdown));
		Document dirty = Jsoup.parseBodyFragment(html);
		Document clean = new Cleaner(this.safelist).clean(dirty);
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

}

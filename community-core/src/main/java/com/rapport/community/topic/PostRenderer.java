package com.rapport.community.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

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
		.addAttributes("a", "rel", "class")
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
		linkMentions(clean.body());
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/**
	 * Turns {@code @username} in text (not in links or code) into a link to the profile.
	 */
	private static void linkMentions(Element root) {
		List<TextNode> texts = new ArrayList<>();
		NodeTraversor.traverse((node, depth) -> {
			if (node instanceof TextNode text && !insideLinkOrCode(text)) {
				texts.add(text);
			}
		}, root);
		for (TextNode text : texts) {
			Matcher matcher = Mentions.MENTION.matcher(text.getWholeText());
			if (!matcher.find()) {
				continue;
			}
			matcher.reset();
			String whole = text.getWholeText();
			int last = 0;
			List<Node> replacement = new ArrayList<>();
			while (matcher.find()) {
				replacement.add(new TextNode(whole.substring(last, matcher.start())));
				Element link = new Element("a").attr("href", "/u/" + matcher.group(1))
					.attr("class", "mention")
					.text("@" + matcher.group(1));
				replacement.add(link);
				last = matcher.end();
			}
			replacement.add(new TextNode(whole.substring(last)));
			for (Node node : replacement) {
				text.before(node);
			}
			text.remove();
		}
	}

	private static boolean insideLinkOrCode(Node node) {
		for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
			if (parent instanceof Element element && ("a".equals(element.tagName()) || "code".equals(element.tagName())
					|| "pre".equals(element.tagName()))) {
				return true;
			}
		}
		return false;
	}

}

package com.rapport.db.bench;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds titles and post bodies from the phrase books of {@link Language}, and the HTML a
 * post is shown as.
 */
final class Texts {

	private static final int SLUG_MAX = 80;

	private Texts() {
	}

	/**
	 * Picks a language with the mix of the dataset: 60% English, 25% Chinese, 15%
	 * Russian.
	 * @param random the row's random stream
	 * @return the language
	 */
	static Language language(SplittableRandom random) {
		int roll = random.nextInt(100);
		if (roll < 60) {
			return Language.EN;
		}
		return (roll < 85) ? Language.ZH : Language.RU;
	}

	static String title(Language language, int product, SplittableRandom random) {
		StringBuilder title = new StringBuilder(64);
		render(title, pick(language.titles(), random), language, product, random.nextInt(16), random.nextInt(16));
		return title.toString();
	}

	/**
	 * A post body in Markdown-free plain text: paragraphs separated by a blank line.
	 * @param language the language
	 * @param product the product the post is about
	 * @param random the row's random stream
	 * @param maxParagraphs the most paragraphs (at least one is written)
	 * @return the raw text
	 */
	static String body(Language language, int product, SplittableRandom random, int maxParagraphs) {
		int action = random.nextInt(16);
		int issue = random.nextInt(16);
		int paragraphs = 1 + random.nextInt(maxParagraphs);
		StringBuilder body = new StringBuilder(96 * paragraphs);
		List<String> phrases = language.sentences();
		int previous = -1;
		for (int paragraph = 0; paragraph < paragraphs; paragraph++) {
			if (paragraph > 0) {
				body.append("\n\n");
			}
			int sentences = 1 + random.nextInt(3);
			for (int sentence = 0; sentence < sentences; sentence++) {
				if (sentence > 0) {
					body.append(language.sentenceSeparator());
				}
				// never the same sentence twice in a row
				int next = random.nextInt(phrases.size() - ((previous < 0) ? 0 : 1));
				previous = (previous >= 0 && next >= previous) ? next + 1 : next;
				render(body, phrases.get(previous), language, product, action, issue);
			}
		}
		return body.toString();
	}

	/**
	 * The HTML of a raw body, as the portal's Markdown renderer gives it for such plain
	 * text: each paragraph in a paragraph element on its own line, with {@code &},
	 * {@code <} and {@code >} escaped.
	 * @param raw the raw text
	 * @return the cooked HTML
	 */
	static String cook(String raw) {
		StringBuilder html = new StringBuilder(raw.length() + 32);
		html.append("<p>");
		int length = raw.length();
		for (int i = 0; i < length; i++) {
			char c = raw.charAt(i);
			if (c == '\n' && i + 1 < length && raw.charAt(i + 1) == '\n') {
				html.append("</p>\n<p>");
				i++;
				continue;
			}
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				default -> html.append(c);
			}
		}
		return html.append("</p>\n").toString();
	}

	/**
	 * A URL slug by the portal's rule (community's {@code Slugs}, which this module
	 * cannot depend on): letters and digits of every script are kept, the rest becomes
	 * single hyphens; a title without any gives "topic".
	 * @param title the title
	 * @return the slug
	 */
	static String slug(String title) {
		String normalised = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder(normalised.length());
		boolean hyphen = false;
		for (int i = 0; i < normalised.length() && slug.length() < SLUG_MAX;) {
			int codePoint = normalised.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isLetterOrDigit(codePoint)) {
				slug.appendCodePoint(codePoint);
				hyphen = false;
			}
			else if (!hyphen && slug.length() > 0) {
				slug.append('-');
				hyphen = true;
			}
		}
		while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') {
			slug.setLength(slug.length() - 1);
		}
		return (slug.length() > 0) ? slug.toString() : "topic";
	}

	static String pick(List<String> values, SplittableRandom random) {
		return values.get(random.nextInt(values.size()));
	}

	private static void render(StringBuilder out, String template, Language language, int product, int action,
			int issue) {
		int length = template.length();
		for (int i = 0; i < length; i++) {
			char c = template.charAt(i);
			if (c == '{' && i + 2 < length && template.charAt(i + 2) == '}') {
				switch (template.charAt(i + 1)) {
					case 'p' -> out.append(language.product(product));
					case 'a' -> out.append(language.action(action));
					case 'i' -> out.append(language.issue(issue));
					default -> out.append(template, i, i + 3);
				}
				i += 2;
			}
			else {
				out.append(c);
			}
		}
	}

}

package com.rapport.community.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts an excerpt around the matches of a post and marks them. The result is HTML in
 * which only {@code <mark>} and {@code </mark>} are tags: every character of the post is
 * escaped, so a post that talks about {@code <script>} shows it as text.
 */
final class Snippets {

	static final int WIDTH = 240;

	private static final int CONTEXT_BEFORE = 60;

	private static final int WORD_SEARCH = 20;

	private static final String ELLIPSIS = "\u2026";

	private Snippets() {
	}

	/**
	 * @param text the post's plain text
	 * @param matches character ranges {@code [start, end)} of the matched words, in any
	 * order, possibly overlapping
	 * @return the excerpt as HTML
	 */
	static String html(String text, List<Span> matches) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		List<Span> spans = merge(text.length(), matches);
		int start = windowStart(text, spans);
		int end = windowEnd(text, start, spans);
		StringBuilder html = new StringBuilder(WIDTH + 64);
		if (start > 0) {
			html.append(ELLIPSIS);
		}
		int at = start;
		for (Span span : spans) {
			int from = Math.max(span.start(), start);
			int to = Math.min(span.end(), end);
			if (from >= to || from < at) {
				continue;
			}
			escape(text, at, from, html);
			html.append("<mark>");
			escape(text, from, to, html);
			html.append("</mark>");
			at = to;
		}
		escape(text, at, end, html);
		if (end < text.length()) {
			html.append(ELLIPSIS);
		}
		return html.toString();
	}

	/** Sorted, clipped to the text, overlapping or touching ranges joined. */
	private static List<Span> merge(int length, List<Span> matches) {
		List<Span> sorted = matches.stream()
			.map((s) -> new Span(Math.max(0, s.start()), Math.min(length, s.end())))
			.filter((s) -> s.start() < s.end())
			.sorted(Comparator.comparingInt(Span::start))
			.toList();
		List<Span> merged = new ArrayList<>();
		for (Span span : sorted) {
			int last = merged.size() - 1;
			if (last >= 0 && span.start() <= merged.get(last).end()) {
				merged.set(last, new Span(merged.get(last).start(), Math.max(span.end(), merged.get(last).end())));
			}
			else {
				merged.add(span);
			}
		}
		return merged;
	}

	/** Starts a little before the densest run of matches, at a word boundary. */
	private static int windowStart(String text, List<Span> spans) {
		if (spans.isEmpty()) {
			return 0;
		}
		int best = 0;
		int bestCount = 0;
		for (int i = 0; i < spans.size(); i++) {
			int limit = spans.get(i).start() + WIDTH - CONTEXT_BEFORE;
			int count = 0;
			for (int j = i; j < spans.size() && spans.get(j).end() <= limit; j++) {
				count++;
			}
			if (count > bestCount) {
				best = i;
				bestCount = count;
			}
		}
		int anchor = spans.get(best).start();
		int start = Math.max(0, anchor - CONTEXT_BEFORE);
		if (start == 0) {
			return 0;
		}
		// begin after a space when there is one shortly before the matches
		for (int i = start; i < Math.min(anchor, start + WORD_SEARCH); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i + 1;
			}
		}
		return Character.isLowSurrogate(text.charAt(start)) ? start - 1 : start;
	}

	private static int windowEnd(String text, int start, List<Span> spans) {
		int end = Math.min(text.length(), start + WIDTH);
		if (end == text.length()) {
			return end;
		}
		int lastMatchEnd = spans.stream().mapToInt(Span::end).filter((e) -> e <= end).max().orElse(start);
		// end before a space when there is one shortly before the cut
		for (int i = end; i > Math.max(lastMatchEnd, end - WORD_SEARCH); i--) {
			if (Character.isWhitespace(text.charAt(i - 1))) {
				return i - 1;
			}
		}
		return Character.isLowSurrogate(text.charAt(end)) ? end + 1 : end;
	}

	private static void escape(String text, int from, int to, StringBuilder html) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
	}

	/**
	 * A range of characters, {@code [start, end)}.
	 *
	 * @param start first character
	 * @param end after the last character
	 */
	record Span(int start, int end) {
	}

}

package com.rapport.community.sentiment;

/**
 * The part of a post's Markdown its author wrote in their own words: quoted lines
 * (someone else's words), code blocks, inline code and link targets are left out, so a
 * calm reply quoting an angry post is not scored as angry.
 */
final class AuthoredText {

	private AuthoredText() {
	}

	static String of(String markdown) {
		if (markdown == null) {
			return "";
		}
		StringBuilder text = new StringBuilder(markdown.length());
		boolean inFence = false;
		for (String line : markdown.split("\n", -1)) {
			String trimmed = line.strip();
			if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
				inFence = !inFence;
				continue;
			}
			if (inFence || trimmed.startsWith(">") || line.startsWith("    ") || line.startsWith("\t")) {
				continue;
			}
			text.append(withoutCodeAndUrls(line)).append('\n');
		}
		return text.toString().strip();
	}

	private static String withoutCodeAndUrls(String line) {
		StringBuilder out = new StringBuilder(line.length());
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c == '`') {
				int end = line.indexOf('`', i + 1);
				i = (end < 0) ? line.length() : end + 1;
				continue;
			}
			if (c == ']' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
				int end = line.indexOf(')', i + 2);
				i = (end < 0) ? line.length() : end + 1;
				continue;
			}
			if (line.startsWith("http://", i) || line.startsWith("https://", i)) {
				int end = i;
				while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
					end++;
				}
				i = end;
				continue;
			}
			if (c != '[') {
				out.append(c);
			}
			i++;
		}
		return out.toString();
	}

}

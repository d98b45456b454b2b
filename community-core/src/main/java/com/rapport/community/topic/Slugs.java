package com.rapport.community.topic;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Readable URL names from titles in any script: letters and digits of every language are
 * kept (so a Chinese or Russian title gives a Chinese or Russian slug), the rest becomes
 * hyphens.
 */
public final class Slugs {

	private static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	public static String slugify(String title) {
		String normalised = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder();
		boolean hyphen = false;
		for (int i = 0; i < normalised.length() && slug.length() < MAX_LENGTH;) {
			int cp = normalised.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp)) {
				slug.appendCodePoint(cp);
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

}

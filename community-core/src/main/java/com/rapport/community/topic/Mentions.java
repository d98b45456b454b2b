package com.rapport.community.topic;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the @usernames a post mentions, ignoring code, where an @ is not a mention.
 */
public final class Mentions {

	public static final int MAX_PER_POST = 10;

	private static final Pattern FENCED_CODE = Pattern.compile("(?s)```.*?(```|$)|~~~.*?(~~~|$)");

	private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

	/** An @username, not inside a word, an email address or a path. */
	static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@./])@([\\p{L}\\p{N}_]{3,30})");

	private Mentions() {
	}

	/**
	 * @param markdown a post's text
	 * @return the mentioned usernames, in order, at most {@link #MAX_PER_POST}
	 */
	public static Set<String> in(String markdown) {
		String text = INLINE_CODE.matcher(FENCED_CODE.matcher(markdown).replaceAll(" ")).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find() && names.size() < MAX_PER_POST) {
			names.add(matcher.group(1));
		}
		return names;
	}

}

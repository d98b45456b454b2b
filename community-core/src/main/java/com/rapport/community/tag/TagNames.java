package com.rapport.community.tag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rapport.community.member.RejectedException;

/**
 * How a tag is written. A name is normalised before it is compared or stored: Unicode
 * NFKC (full-width letters become ordinary ones), lower case, spaces and underscores
 * become a dash, repeated dashes one, none at either end. What is left may hold letters
 * and digits of any script (Chinese, Cyrillic, Latin, with their combining marks) and
 * dashes, and is at most {@code maxLength} characters long.
 */
public final class TagNames {

	private TagNames() {
	}

	/**
	 * Splits what a member typed into normalised names, in order, without duplicates.
	 * Commas (also the Chinese {@code ，} and {@code 、}) and line breaks separate tags.
	 * @param raw the input; null or blank for no tags
	 * @param maxLength the longest name allowed, in characters
	 * @return the names
	 * @throws RejectedException {@code tags.invalid} when a name holds other characters,
	 * {@code tags.tooLong} when one is too long
	 */
	public static List<String> parse(String raw, int maxLength) {
		if (raw == null || raw.isBlank()) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\n' || c == '\r') {
				addIfNotBlank(names, current, maxLength);
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		addIfNotBlank(names, current, maxLength);
		return List.copyOf(names);
	}

	private static void addIfNotBlank(Set<String> names, StringBuilder part, int maxLength) {
		if (!part.toString().isBlank()) {
			names.add(normalise(part.toString(), maxLength));
		}
	}

	/**
	 * @param name one tag as typed
	 * @param maxLength the longest name allowed, in characters
	 * @return the name as stored
	 * @throws RejectedException {@code tags.invalid} when it holds characters other than
	 * letters, digits, spaces, dashes and underscores, or nothing of them;
	 * {@code tags.tooLong} when it is longer than {@code maxLength}
	 */
	public static String normalise(String name, int maxLength) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder();
		boolean dash = false;
		for (int i = 0; i < folded.length();) {
			int cp = folded.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isWhitespace(cp) || cp == '_' || cp == '-'
					|| Character.getType(cp) == Character.DASH_PUNCTUATION) {
				dash = out.length() > 0;
			}
			else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
				if (dash) {
					out.append('-');
					dash = false;
				}
				out.appendCodePoint(cp);
			}
			else {
				throw new RejectedException("tags", "tags.invalid");
			}
		}
		if (out.length() == 0) {
			throw new RejectedException("tags", "tags.invalid");
		}
		String normalised = out.toString();
		if (normalised.codePointCount(0, normalised.length()) > maxLength) {
			throw new RejectedException("tags", "tags.tooLong");
		}
		return normalised;
	}

	/**
	 * Names for display in a text field: "a, b, c".
	 * @param names tag names
	 * @return them joined by commas
	 */
	public static String join(List<String> names) {
		return String.join(", ", new ArrayList<>(names));
	}

	private static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
	}

}

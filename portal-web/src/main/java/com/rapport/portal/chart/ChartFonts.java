package com.rapport.portal.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the font family of a chart: the first of the preferred families installed on the
 * server that has a glyph for every character of the chart's text, so Chinese and Russian
 * labels render; when none has them all, the first installed one, and Java's logical
 * sans-serif font when none of them is installed.
 */
final class ChartFonts {

	/**
	 * The families tried, in order: CJK families that also cover Latin and Cyrillic first
	 * (Debian's fonts-wqy-zenhei, fonts-noto-cjk), then DejaVu (fonts-dejavu-core).
	 */
	static final List<String> PREFERRED = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
			"Source Han Sans SC", "Droid Sans Fallback", "DejaVu Sans");

	private final List<String> installed;

	ChartFonts(Set<String> families) {
		this.installed = PREFERRED.stream().filter(families::contains).toList();
	}

	/**
	 * The fonts of this machine.
	 * @return the picker
	 */
	static ChartFonts ofSystem() {
		String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
		return new ChartFonts(Arrays.stream(names).collect(Collectors.toSet()));
	}

	/**
	 * The family for a text.
	 * @param text every text the chart shows
	 * @return the family's name
	 */
	String familyFor(String text) {
		for (String family : this.installed) {
			if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1) {
				return family;
			}
		}
		return this.installed.isEmpty() ? Font.SANS_SERIF : this.installed.get(0);
	}

}

package com.rapport.portal.brand;

/**
 * Whether an accent colour stays readable: links and white button text need a contrast of
 * at least 4.5:1 against white (WCAG 2.1 AA for normal text).
 */
final class AccentColor {

	static final double MIN_CONTRAST = 4.5;

	private AccentColor() {
	}

	/**
	 * @param hex a colour as {@code #rrggbb}
	 * @return true when text in this colour is readable on white, and white on it
	 */
	static boolean readableOnWhite(String hex) {
		return contrastWithWhite(hex) >= MIN_CONTRAST;
	}

	static double contrastWithWhite(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		double luminance = 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF)
				+ 0.0722 * channel(rgb & 0xFF);
		return 1.05 / (luminance + 0.05);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}

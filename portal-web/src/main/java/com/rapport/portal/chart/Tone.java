package com.rapport.portal.chart;

import java.awt.Color;

/**
 * The colours of the staff charts, the same as the stylesheet's for the SVG.
 */
public enum Tone {

	/** A plain bar or line. */
	PRIMARY(new Color(0x2f, 0x6f, 0xb0)),

	/** Detractors, negative texts. */
	NEGATIVE(new Color(0xc0, 0x39, 0x2b)),

	/** Passives, neutral texts. */
	NEUTRAL(new Color(0xe0, 0xa8, 0x2e)),

	/** Promoters, positive texts. */
	POSITIVE(new Color(0x2e, 0x8b, 0x57)),

	/** Not analysed, or too few answers to trust. */
	MUTED(new Color(0x9a, 0xa0, 0xa6));

	private final Color color;

	Tone(Color color) {
		this.color = color;
	}

	Color color() {
		return this.color;
	}

}

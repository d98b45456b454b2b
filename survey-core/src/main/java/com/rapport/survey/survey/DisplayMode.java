package com.rapport.survey.survey;

/**
 * How an embedded survey appears on the host page.
 */
public enum DisplayMode {

	/** Where the snippet is, in the page's flow. */
	INLINE,
	/** A small card floating over the page's corner, with a close button. */
	POPOVER

}

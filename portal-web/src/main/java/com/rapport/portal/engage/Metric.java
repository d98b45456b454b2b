package com.rapport.portal.engage;

import java.util.Locale;

/**
 * What {@code engagement_day} counts, each per day and channel.
 */
public enum Metric {

	/** A page of the community shown (channel member or visitor). */
	PAGE_VIEW,
	/** A visit started: its first page view. */
	VISIT,
	/** A visit that went on to a second page, counted on the day it started. */
	MULTI_PAGE_VISIT,
	/** A survey shown (embed frame, topic panel, forum invitation made). */
	SURVEY_SHOWN,
	/** A shown survey opened (see the staff page's help for each channel). */
	SURVEY_OPENED,
	/** A notification mail sent. */
	MAIL_SENT,
	/**
	 * A notification mail whose link was followed (once per mail), on the day it was
	 * sent.
	 */
	MAIL_CLICKED;

	/** The name stored in the table. */
	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

}

package com.rapport.survey.annotation;

import java.time.LocalDate;

/**
 * An event on the timeline.
 *
 * @param id its id
 * @param day the day it happened, in the brand's time zone
 * @param kind what kind of event
 * @param label what happened, as staff wrote it
 */
public record Annotation(long id, LocalDate day, Kind kind, String label) {

	/** Kinds of events. */
	public enum Kind {

		/** A product or site release. */
		RELEASE,

		/** An outage or incident. */
		OUTAGE,

		/** A marketing campaign or announcement. */
		CAMPAIGN,

		/** Anything else worth knowing when reading a chart. */
		OTHER

	}

}

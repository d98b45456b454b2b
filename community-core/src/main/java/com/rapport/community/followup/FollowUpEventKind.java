package com.rapport.community.followup;

/**
 * The kinds of entries in a follow-up's timeline.
 */
public enum FollowUpEventKind {

	/** The follow-up was opened. */
	OPENED,
	/** A staff note. */
	NOTE,
	/** The owner changed. */
	ASSIGNED,
	/** The status changed. */
	STATUS,
	/** The due date changed. */
	DUE,
	/** Staff wrote to the customer by private message. */
	MESSAGE,
	/** Staff wrote to the customer by email. */
	EMAIL,
	/** The customer answered. */
	REPLY

}

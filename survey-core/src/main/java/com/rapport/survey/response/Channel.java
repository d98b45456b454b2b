package com.rapport.survey.response;

/**
 * Where a response was given.
 */
public enum Channel {

	/** The survey's public or personal link. */
	LINK,
	/** The frame embedded on a website. */
	EMBED,
	/** Inside the forum (an invitation to a member). */
	FORUM

}

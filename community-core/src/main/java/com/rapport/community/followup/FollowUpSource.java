package com.rapport.community.followup;

/**
 * What opened a follow-up.
 */
public enum FollowUpSource {

	/** A survey response with a detractor's NPS (0–6). */
	RESPONSE,
	/** A post whose sentiment fell below the threshold. */
	POST

}

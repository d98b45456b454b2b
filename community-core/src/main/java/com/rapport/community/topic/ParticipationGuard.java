package com.rapport.community.topic;

import com.rapport.community.member.Viewer;

/**
 * A rule that may stop a member from taking part (a sanction, a rate limit). Topics,
 * replies, edits and reactions ask every guard before they change anything; features that
 * own such rules implement it, so this package needs to know none of them.
 */
public interface ParticipationGuard {

	/**
	 * Refuses the action when a rule says so.
	 * @param viewer who acts (never anonymous)
	 * @param action what they are about to do
	 * @throws com.rapport.community.member.RejectedException when refused
	 */
	void check(Viewer viewer, Participation action);

	/**
	 * What a member is about to do.
	 */
	enum Participation {

		START_TOPIC, REPLY, EDIT, REACT, FLAG

	}

}

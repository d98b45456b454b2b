package com.rapport.survey.survey;

/**
 * Forum moments at which a survey asks a member, fed by the forums (survey-core knows
 * nothing of them).
 */
public enum TriggerKind {

	/** The member's topic was marked solved: ask its author once. */
	TOPIC_SOLVED,
	/** The member has been a member for a number of days. */
	MEMBERSHIP_DAYS

}

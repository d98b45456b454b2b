package com.rapport.survey.display;

/**
 * Context that keeps a known member from being surveyed now, provided by other parts of
 * the portal (the forums: a member who just wrote an angry post should get an answer, not
 * a questionnaire). Every bean of this type is asked before a member is invited.
 */
public interface SuppressionCheck {

	/**
	 * Whether the member must not be surveyed now.
	 * @param memberId the member
	 * @return true to leave them alone
	 */
	boolean suppresses(long memberId);

}

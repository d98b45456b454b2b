package com.rapport.survey.survey;

/**
 * A survey change or an answer that was refused, with a message key saying why; nothing
 * was stored.
 */
public class SurveyRejectedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	public SurveyRejectedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	/** The message key telling the user why (e.g. "survey.error.closed"). */
	public String messageKey() {
		return this.messageKey;
	}

}

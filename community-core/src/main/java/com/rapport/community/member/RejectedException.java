package com.rapport.community.member;

import java.util.Map;

/**
 * A command was refused because of what was entered; each entry names a field and the
 * message key that explains why, so the page can show it next to the field.
 */
public class RejectedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Map<String, String> fieldErrors;

	public RejectedException(Map<String, String> fieldErrors) {
		super("Rejected: " + fieldErrors.keySet());
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public RejectedException(String field, String messageKey) {
		this(Map.of(field, messageKey));
	}

	/**
	 * @return field name → message key
	 */
	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}

package com.rapport.portal.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link CleanText}.
 */
public class CleanTextValidator implements ConstraintValidator<CleanText, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || isClean(value);
	}

	/**
	 * @param value text to check
	 * @return true when it holds only well-formed, printable text
	 */
	public static boolean isClean(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}

package com.rapport.portal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text as a person types it: no bytes that were not valid UTF-8 (the servlet container
 * turns them into U+FFFD), no control characters other than line breaks and tabs, no
 * unpaired surrogates.
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {

	String message() default "{validation.invalidText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

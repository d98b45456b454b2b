package com.rapport.community.moderation;

import java.time.LocalDate;

/**
 * Filters of the audit log; null or blank means "any".
 *
 * @param actor the acting member's username
 * @param action the action, such as {@code topic.close}
 * @param targetType the kind of target
 * @param targetId the target's id (with a type)
 * @param from the first day, UTC
 * @param to the last day, UTC, inclusive
 */
public record AuditQuery(String actor, String action, String targetType, Long targetId, LocalDate from, LocalDate to) {

	public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

	static boolean given(String value) {
		return value != null && !value.isBlank();
	}

}

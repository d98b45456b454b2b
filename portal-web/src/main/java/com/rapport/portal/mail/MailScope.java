package com.rapport.portal.mail;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.rapport.community.notification.NotificationKind;

/**
 * The kinds of optional mail a member can turn off, each a column of the member row.
 */
public enum MailScope {

	/** Mentions, private messages, an accepted answer. */
	PERSONAL(EnumSet.of(NotificationKind.MENTION, NotificationKind.PRIVATE_MESSAGE, NotificationKind.ANSWER_ACCEPTED)),
	/** Replies to the member's posts and topics. */
	REPLIES(EnumSet.of(NotificationKind.REPLY)),
	/**
	 * New posts in watched topics, new topics in watched categories, a new status of an
	 * idea the member voted for.
	 */
	WATCHED(EnumSet.of(NotificationKind.WATCHED_POST, NotificationKind.NEW_TOPIC, NotificationKind.IDEA_STATUS)),
	/** The welcome sequence after joining. */
	WELCOME(EnumSet.noneOf(NotificationKind.class)),
	/** Every notification mail (a mail that gathers several kinds, a daily summary). */
	ALL(EnumSet.noneOf(NotificationKind.class));

	private final EnumSet<NotificationKind> kinds;

	MailScope(EnumSet<NotificationKind> kinds) {
		this.kinds = kinds;
	}

	Set<NotificationKind> kinds() {
		return EnumSet.copyOf(this.kinds);
	}

	/**
	 * The scope a notification kind is mailed under.
	 * @param kind the kind
	 * @return the scope, or empty for a kind that is never mailed (reactions, moderation)
	 */
	static Optional<MailScope> of(NotificationKind kind) {
		for (MailScope scope : values()) {
			if (scope.kinds.contains(kind)) {
				return Optional.of(scope);
			}
		}
		return Optional.empty();
	}

	static Optional<MailScope> parse(String value) {
		for (MailScope scope : values()) {
			if (scope.name().equals(value.toUpperCase(Locale.ROOT))) {
				return Optional.of(scope);
			}
		}
		return Optional.empty();
	}

}

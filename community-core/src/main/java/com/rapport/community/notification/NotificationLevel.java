package com.rapport.community.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * How closely a member follows a topic or a category, as in the best forums: a watched
 * topic tells the member of every new post, a tracked one shows its unread count, a
 * normal one only tells of mentions and replies to the member, a muted one tells nothing.
 */
public enum NotificationLevel {

	MUTED(0), NORMAL(1), TRACKING(2), WATCHING(3);

	private final int code;

	NotificationLevel(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

	static NotificationLevel ofCode(int code) {
		return Arrays.stream(values()).filter((l) -> l.code == code).findFirst().orElse(NORMAL);
	}

	/**
	 * Reads a level from a form value.
	 * @param name the level's name, any case
	 * @return the level, or empty when the name is not one
	 */
	public static Optional<NotificationLevel> parse(String name) {
		return Arrays.stream(values()).filter((l) -> l.name().equalsIgnoreCase(name)).findFirst();
	}

	/**
	 * Whether posts the member has not read are counted in topic lists.
	 * @return true for tracking and watching
	 */
	public boolean countsUnread() {
		return this == TRACKING || this == WATCHING;
	}

}

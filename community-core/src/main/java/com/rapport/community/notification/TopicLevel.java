package com.rapport.community.notification;

/**
 * The level that applies to one member and one topic, and why.
 *
 * @param level the level in effect
 * @param reason why: {@code CHOSEN}, {@code CREATED}, {@code REPLIED}, {@code CATEGORY}
 * (inherited from the category) or {@code DEFAULT}
 */
public record TopicLevel(NotificationLevel level, String reason) {

	static final TopicLevel DEFAULT = new TopicLevel(NotificationLevel.NORMAL, "DEFAULT");

}

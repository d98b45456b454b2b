package com.rapport.community.notification;

/**
 * Why a member is notified.
 */
public enum NotificationKind {

	/** Someone wrote @username in a post. */
	MENTION,
	/** Someone replied to the member's post or topic. */
	REPLY,
	/** The member's reply was accepted as the answer. */
	ANSWER_ACCEPTED,
	/** Members reacted to the member's post (grouped per post while unread). */
	REACTION,
	/** Someone posted in a topic the member watches (grouped per topic while unread). */
	WATCHED_POST,
	/** Someone started a topic in a category the member watches. */
	NEW_TOPIC,
	/** Someone wrote to the member privately (grouped per conversation while unread). */
	PRIVATE_MESSAGE

}

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
	/** A survey asks the member a short question (see the survey invitations). */
	SURVEY

}

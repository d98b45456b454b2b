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
	PRIVATE_MESSAGE,
	/** The member's post was hidden pending review (flags) or by a moderator. */
	POST_HIDDEN,
	/** The member's hidden or deleted post is shown again. */
	POST_RESTORED,
	/** A moderator deleted the member's post. */
	POST_REJECTED,
	/** The member's post that waited for approval was published. */
	POST_APPROVED,
	/** The member's post that waited for approval was not published. */
	POST_NOT_APPROVED,
	/** A moderator agreed with the member's flag. */
	FLAG_AGREED,
	/** A moderator did not agree with the member's flag. */
	FLAG_DECLINED,
	/** The member's appeal was granted. */
	APPEAL_GRANTED,
	/** The member's appeal was turned down. */
	APPEAL_DENIED,
	/** A survey asks the member a short question (see the survey invitations). */
	SURVEY,
	/** A follow-up was given to the staff member. */
	FOLLOW_UP_ASSIGNED,
	/** The customer answered in a follow-up the staff member owns. */
	FOLLOW_UP_REPLY,
	/** The member earned a badge: a personal thank-you (the subject is the badge). */
	BADGE_AWARDED,
	/** The member's activity raised their trust level (the subject is the level). */
	TRUST_LEVEL_RAISED,
	/** An idea the member voted for has a new status (the subject is the status). */
	IDEA_STATUS,
	/**
	 * A watched term's negative share jumped this week (staff; the subject is the term).
	 */
	WATCH_TERM_ALERT,
	/**
	 * A message of the welcome sequence for new members (the subject is the day: 1, 3 or
	 * 7; the link opens the message).
	 */
	WELCOME

}

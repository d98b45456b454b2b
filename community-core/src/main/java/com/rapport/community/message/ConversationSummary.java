package com.rapport.community.message;

import java.time.Instant;
import java.util.List;

/**
 * One row of a member's conversation list.
 *
 * @param id the conversation
 * @param subject its subject
 * @param participants the other members in it (usernames)
 * @param lastMessageAt when the last message was written
 * @param messageCount how many messages it holds
 * @param unread how many of them the member has not read
 */
public record ConversationSummary(long id, String subject, List<String> participants, Instant lastMessageAt,
		int messageCount, int unread) {

	public ConversationSummary {
		participants = List.copyOf(participants);
	}

}

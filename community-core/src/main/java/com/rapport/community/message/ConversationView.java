package com.rapport.community.message;

import java.util.List;

/**
 * A conversation as one of its members reads it.
 *
 * @param id the conversation
 * @param subject its subject
 * @param participants everyone in it (usernames), the reader included
 * @param messages its messages, oldest first
 * @param canReply whether the reader may write in it now
 */
public record ConversationView(long id, String subject, List<String> participants, List<MessageView> messages,
		boolean canReply) {

	public ConversationView {
		participants = List.copyOf(participants);
		messages = List.copyOf(messages);
	}

}

package com.rapport.community.message;

import java.time.Instant;

/**
 * One message of a conversation.
 *
 * @param id the message
 * @param author who wrote it (username)
 * @param html the message rendered and sanitised
 * @param createdAt when
 * @param unread whether the reader had not seen it before opening the conversation
 */
public record MessageView(long id, String author, String html, Instant createdAt, boolean unread) {

}

package com.rapport.community.message;

/**
 * A private message was written (published in its transaction), so that other parts of
 * the portal (a staff follow-up waiting for the customer's answer, say) can react.
 *
 * @param conversationId the conversation
 * @param messageId the message
 * @param authorId who wrote it
 */
public record MessageSent(long conversationId, long messageId, long authorId) {

}

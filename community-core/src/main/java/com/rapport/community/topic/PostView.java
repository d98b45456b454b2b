package com.rapport.community.topic;

import java.time.Instant;

/**
 * A post as shown on the topic page.
 *
 * @param id the post id
 * @param postNumber its place in the topic, from 1
 * @param author the author's username
 * @param authorName the author's display name or username
 * @param authorTrustLevel the author's trust level
 * @param html the rendered, sanitised content
 * @param createdAt when it was posted
 * @param updatedAt when it was last edited, or null
 * @param likeCount likes
 * @param replyToPostNumber the post it answers, or null
 * @param deleted whether it was deleted (shown to moderators only)
 * @param revisionCount how many times it was edited
 * @param hidden whether a moderator hid it (shown to moderators and its author only)
 * @param hiddenReason why it was hidden, or null
 * @param editNotice the notice of a moderator's edit, or null
 */
public record PostView(long id, int postNumber, String author, String authorName, int authorTrustLevel, String html,
		Instant createdAt, Instant updatedAt, int likeCount, Integer replyToPostNumber, boolean deleted,
		int revisionCount, boolean hidden, String hiddenReason, String editNotice) {
}

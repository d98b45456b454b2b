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
 * @param hidden whether it is hidden from readers (by a moderator, or by flags pending
 * review)
 * @param hiddenReason the moderator's reason for hiding it, or null
 * @param editNotice the notice of a moderator's edit, or null
 * @param hiddenByFlags whether flags hid it and a moderator has not decided yet
 * @param withheld whether its content is left out for this viewer (a post hidden by
 * flags, shown to readers other than its author and moderators as "hidden pending
 * review")
 * @param authorReputation the points its author earned
 * @param authorAvatarVersion 0 when its author shows initials, else their avatar's
 * version
 */
public record PostView(long id, int postNumber, String author, String authorName, int authorTrustLevel, String html,
		Instant createdAt, Instant updatedAt, int likeCount, Integer replyToPostNumber, boolean deleted,
		int revisionCount, boolean hidden, String hiddenReason, String editNotice, boolean hiddenByFlags,
		boolean withheld, int authorReputation, int authorAvatarVersion) {

	/**
	 * @return this post without its content, for readers who may only see that it is
	 * hidden pending review
	 */
	public PostView withoutContent() {
		return new PostView(this.id, this.postNumber, this.author, this.authorName, this.authorTrustLevel, "",
				this.createdAt, this.updatedAt, this.likeCount, this.replyToPostNumber, this.deleted, 0, this.hidden,
				null, null, this.hiddenByFlags, true, this.authorReputation, this.authorAvatarVersion);
	}

}

package com.rapport.community.topic;

import java.time.Instant;

/**
 * One row of a topic list.
 *
 * @param id the topic id
 * @param title the title
 * @param slug the URL name
 * @param categorySlug the category's URL name
 * @param categoryName the category's name
 * @param categoryColor the category's colour
 * @param author who started it
 * @param lastPoster who posted last
 * @param replyCount replies (posts after the first)
 * @param viewCount views
 * @param likeCount likes on all its posts
 * @param createdAt when it was started
 * @param lastPostedAt when it was last posted in
 * @param pinned whether it is pinned
 * @param closed whether it is closed for replies
 * @param solved whether a reply was accepted as the answer
 * @param archived whether the topic or its category is archived (kept for reading only)
 * @param idea whether it is an idea (its category is an idea board)
 * @param voteCount the members who voted for it, as an idea
 * @param ideaStatus its status as an idea (UNDER_REVIEW, PLANNED, DONE, DECLINED), or
 * null
 */
public record TopicSummary(long id, String title, String slug, String categorySlug, String categoryName,
		String categoryColor, String author, String lastPoster, int replyCount, int viewCount, int likeCount,
		Instant createdAt, Instant lastPostedAt, boolean pinned, boolean closed, boolean solved, boolean archived,
		boolean idea, int voteCount, String ideaStatus) {
}

package com.rapport.community.topic;

import java.time.Instant;
import java.util.List;

/**
 * What a member wrote lately, as shown on their profile.
 *
 * @param topics topics they started
 * @param posts replies they wrote
 */
public record MemberActivity(List<TopicSummary> topics, List<RecentPost> posts) {

	public MemberActivity {
		topics = List.copyOf(topics);
		posts = List.copyOf(posts);
	}

	/**
	 * A reply on the profile.
	 *
	 * @param postId the post
	 * @param topicId its topic
	 * @param topicSlug the topic's URL name
	 * @param topicTitle the topic's title
	 * @param postNumber its place in the topic
	 * @param excerpt the start of its text (Markdown source, shown as text)
	 * @param createdAt when
	 */
	public record RecentPost(long postId, long topicId, String topicSlug, String topicTitle, int postNumber,
			String excerpt, Instant createdAt) {
	}

}

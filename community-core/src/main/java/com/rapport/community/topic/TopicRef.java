package com.rapport.community.topic;

/**
 * Enough to link to a topic.
 *
 * @param id the topic id
 * @param slug the URL name
 */
public record TopicRef(long id, String slug) {
}

package com.rapport.community.tag;

/**
 * Published when the tags of a topic changed, in the transaction that changed them.
 *
 * @param topicId the topic
 */
public record TopicTagsChanged(long topicId) {
}

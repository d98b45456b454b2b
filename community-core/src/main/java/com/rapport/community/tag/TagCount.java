package com.rapport.community.tag;

/**
 * A tag and how many topics a reader can see under it.
 *
 * @param name the tag
 * @param topicCount topics in categories the reader may read
 */
public record TagCount(String name, int topicCount) {
}

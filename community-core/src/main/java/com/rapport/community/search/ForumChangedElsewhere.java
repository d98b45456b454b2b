package com.rapport.community.search;

/**
 * Published when this node learns from the change log that posts or topics were written
 * through another node, so that what it keeps in memory about them can be dropped.
 *
 * @param changes how many changes were read
 */
public record ForumChangedElsewhere(int changes) {
}

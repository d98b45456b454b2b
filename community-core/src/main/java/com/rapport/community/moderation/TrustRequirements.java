package com.rapport.community.moderation;

/**
 * What a member at one trust level needs to have done to reach the next, counted over
 * their whole membership.
 *
 * @param daysVisited days on which they were seen logged in
 * @param postsRead posts read (up to the last read post of each topic)
 * @param replies replies written that are neither deleted nor hidden
 * @param likesReceived likes on their posts
 */
public record TrustRequirements(int daysVisited, int postsRead, int replies, int likesReceived) {
}

package com.rapport.community.moderation;

/**
 * A member's activity raised their trust level (not a moderator's choice).
 *
 * @param memberId the member
 * @param level the level reached
 */
public record TrustLevelRaised(long memberId, int level) {
}

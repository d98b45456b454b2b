package com.rapport.community.reputation;

import java.time.Instant;

/**
 * A badge a member holds.
 *
 * @param badge which
 * @param awardedAt when it was awarded
 */
public record HeldBadge(Badge badge, Instant awardedAt) {
}

/**
 * Reputation: the leaderboard of points, badges for milestones with a thank-you
 * notification, staff grants of points and the rewards catalogue members redeem points
 * from.
 */
package com.rapport.community.reputation;

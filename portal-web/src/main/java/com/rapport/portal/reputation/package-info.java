/**
 * Reputation pages: the leaderboard, the badges, the rewards members redeem points from,
 * and the staff page for the catalogue, redemptions to send and points granted.
 */
package com.rapport.portal.reputation;

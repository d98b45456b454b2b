package com.rapport.community.reputation;

/**
 * A place on a leaderboard.
 *
 * @param rank 1 for the first
 * @param memberId the member
 * @param username their username
 * @param name the name they show
 * @param points their points in the period
 */
public record Ranked(int rank, long memberId, String username, String name, int points) {
}

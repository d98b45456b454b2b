package com.rapport.community.reputation;

/**
 * An item of the rewards catalogue.
 *
 * @param id its id
 * @param name what it is
 * @param description more about it, or null
 * @param cost the points it costs
 * @param stock how many are left
 * @param active whether members see it
 */
public record Reward(long id, String name, String description, int cost, int stock, boolean active) {
}

package com.rapport.community.reputation;

/**
 * A badge and how many members hold it.
 *
 * @param badge which
 * @param members how many hold it
 */
public record BadgeHolders(Badge badge, int members) {
}

package com.rapport.community.review;

/**
 * A word or phrase staff watch for.
 *
 * @param id its id
 * @param pattern the text, with an optional {@code *} at its start or end standing for
 * the rest of a word
 * @param action what happens to a post containing it
 */
public record WatchedWord(long id, String pattern, WatchedAction action) {
}

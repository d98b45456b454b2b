package com.rapport.community.tag;

/**
 * A tag.
 *
 * @param id its id
 * @param name its normalised name, as shown and as in its URL
 */
public record Tag(long id, String name) {
}

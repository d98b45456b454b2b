package com.rapport.portal.brand;

/**
 * How the brand shows in the layout.
 *
 * @param name the brand's name
 * @param accentColor hex colour of links and buttons
 * @param hasLogo whether a logo was uploaded
 * @param version changes with every update, used to bust caches of the logo and colours
 */
public record Brand(String name, String accentColor, boolean hasLogo, int version) {
}

package com.rapport.portal.brand;

/**
 * An uploaded logo.
 *
 * @param bytes the image
 * @param contentType its media type
 */
record Logo(byte[] bytes, String contentType) {
}

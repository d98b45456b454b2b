package com.rapport.survey.response;

import java.time.Instant;

/**
 * A response as staff see it in the latest list.
 *
 * @param id the id
 * @param version the survey version answered
 * @param complete whether it was submitted
 * @param channel where it was given
 * @param locale the language shown
 * @param device the device class
 * @param pageUrl the embedding page, or null
 * @param hiddenFields the host page's fields, URL-encoded, or null
 * @param startedAt its first answer
 * @param completedAt its submission, or null
 */
public record ResponseRow(long id, int version, boolean complete, Channel channel, String locale, Device device,
		String pageUrl, String hiddenFields, Instant startedAt, Instant completedAt) {
}

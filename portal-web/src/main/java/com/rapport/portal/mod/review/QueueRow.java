package com.rapport.portal.mod.review;

import java.util.List;

/**
 * One line of the review queue as the page prints it: every label already in the reader's
 * language, so the template only writes values.
 *
 * @param id the item
 * @param elementId the row's element id
 * @param label the item's kind and its topic (or author)
 * @param by who wrote it
 * @param category " · " and the category, or null
 * @param claimed who claimed it, or null
 * @param excerpt the start of the text
 * @param reasons the reasons' labels
 * @param score the flag score, empty when there is none
 * @param createdAt when it entered the queue, ISO-8601
 * @param age how long ago that was
 */
record QueueRow(long id, String elementId, String label, String by, String category, String claimed, String excerpt,
		List<String> reasons, String score, String createdAt, String age) {

}

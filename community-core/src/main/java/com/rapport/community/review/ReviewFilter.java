package com.rapport.community.review;

/**
 * Which pending items to list.
 *
 * @param kind only this kind, or null
 * @param categoryId only this category, or null
 * @param after the cursor of the last item of the previous page, or null
 */
public record ReviewFilter(ReviewKind kind, Long categoryId, String after) {
}

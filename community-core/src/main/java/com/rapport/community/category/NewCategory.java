package com.rapport.community.category;

/**
 * What staff enter to create a category.
 *
 * @param parentId optional parent category
 * @param slug the URL name (lowercase letters, digits and hyphens)
 * @param name the shown name
 * @param description what belongs here
 * @param color hex colour
 * @param kind DISCUSSION or IDEAS
 * @param readAccess who may read
 * @param createAccess who may start topics
 * @param replyAccess who may reply
 */
public record NewCategory(Long parentId, String slug, String name, String description, String color, String kind,
		Access readAccess, Access createAccess, Access replyAccess) {
}

package com.rapport.community.category;

import com.rapport.community.member.Viewer;

/**
 * A category of the forums.
 *
 * @param id the id
 * @param parentId the parent category, or null for a top-level one
 * @param slug the URL name
 * @param name the shown name
 * @param description one or two sentences on what belongs here
 * @param color hex colour such as {@code #1f6feb}
 * @param position order among its siblings
 * @param kind DISCUSSION or IDEAS
 * @param readAccess who may read
 * @param createAccess who may start topics
 * @param replyAccess who may reply
 * @param topicCount topics in it
 * @param postCount posts in it
 * @param archived whether it is archived (read-only, hidden from lists)
 */
public record Category(long id, Long parentId, String slug, String name, String description, String color, int position,
		String kind, Access readAccess, Access createAccess, Access replyAccess, int topicCount, int postCount,
		boolean archived) {

	public boolean readableBy(Viewer viewer) {
		return this.readAccess.allows(viewer) && (!this.archived || viewer.isStaff());
	}

	public boolean topicsStartableBy(Viewer viewer) {
		return !this.archived && readableBy(viewer) && this.createAccess.allows(viewer);
	}

	public boolean repliableBy(Viewer viewer) {
		return !this.archived && readableBy(viewer) && this.replyAccess.allows(viewer);
	}

}

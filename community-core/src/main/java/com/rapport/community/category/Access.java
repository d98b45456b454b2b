package com.rapport.community.category;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;

/**
 * The least standing needed to do something in a category.
 */
public enum Access {

	ANYONE, MEMBER, MODERATOR, STAFF;

	/**
	 * Whether the viewer has the standing this access requires.
	 * @param viewer who asks
	 * @return true when allowed
	 */
	public boolean allows(Viewer viewer) {
		return switch (this) {
			case ANYONE -> true;
			case MEMBER -> !viewer.isAnonymous();
			case MODERATOR -> viewer.has(Role.MODERATOR);
			case STAFF -> viewer.has(Role.STAFF);
		};
	}

}

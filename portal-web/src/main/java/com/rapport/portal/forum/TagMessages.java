package com.rapport.portal.forum;

import com.rapport.community.tag.Tags;

/**
 * The argument a tag message shows: the limit it names.
 */
final class TagMessages {

	private TagMessages() {
	}

	static Object argument(String key, Tags tags) {
		return switch (key) {
			case "tags.tooMany" -> tags.maxPerTopic();
			case "tags.tooLong" -> tags.maxLength();
			default -> null;
		};
	}

}

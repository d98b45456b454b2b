package com.rapport.portal.mod;

import java.util.List;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.CannedReplies;
import com.rapport.community.moderation.CannedReplies.CannedReply;
import com.rapport.community.moderation.TopicModeration;
import com.rapport.community.moderation.TopicModeration.TopicStatus;

import org.springframework.stereotype.Component;

/**
 * What the moderator tools on forum pages need, for templates as {@code @modTools}: the
 * forum controllers stay unaware of moderation, and the tools are only asked for when a
 * moderator looks.
 */
@Component("modTools")
public class ModTools {

	private final TopicModeration topics;

	private final CategoryService categories;

	private final CannedReplies canned;

	ModTools(TopicModeration topics, CategoryService categories, CannedReplies canned) {
		this.topics = topics;
		this.categories = categories;
		this.canned = canned;
	}

	/**
	 * The topic tools' data.
	 * @param viewer a moderator
	 * @param topicId the topic
	 * @return its state, the categories it may move to and the canned replies
	 */
	public TopicTools forTopic(Viewer viewer, long topicId) {
		TopicStatus status = this.topics.status(viewer, topicId).orElse(null);
		return new TopicTools(status, categories(viewer), this.canned.all());
	}

	/**
	 * The open categories a moderator may move topics to.
	 * @param viewer a moderator
	 * @return categories
	 */
	public List<Category> categories(Viewer viewer) {
		return this.categories.visibleTo(viewer).stream().filter((c) -> !c.archived()).toList();
	}

	/**
	 * The data of the topic tools.
	 *
	 * @param status the topic's state, or null when it is gone
	 * @param categories where it may move
	 * @param cannedReplies reply templates
	 */
	public record TopicTools(TopicStatus status, List<Category> categories, List<CannedReply> cannedReplies) {

		public TopicTools {
			categories = List.copyOf(categories);
			cannedReplies = List.copyOf(cannedReplies);
		}

	}

}

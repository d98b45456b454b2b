package com.rapport.community.topic;

import java.util.List;

import com.rapport.community.member.Viewer;

/**
 * Looks at a post before it is published (rate limits, watched words, spam signals, new
 * members' posts held for approval). Implemented by the review feature; the topic feature
 * only asks.
 */
public interface PostScreening {

	/**
	 * Screens a post about to be published, or an edit of a published post (the same
	 * rules, except that an edit is never held for being a new member's first posts nor
	 * for repeating a text).
	 * @param author who writes it
	 * @param draft what is about to be published
	 * @return publish (possibly with a masked text) or hold for review
	 * @throws com.rapport.community.member.RejectedException when the post is refused
	 */
	Screened screen(Viewer author, Draft draft);

	/**
	 * Called in the same transaction once a screened post (or edit) was published.
	 * @param author who wrote it
	 * @param postId the new post
	 * @param screened what {@link #screen} said
	 */
	void published(Viewer author, long postId, Screened screened);

	/**
	 * A post about to be published, or an edit about to replace a published post's text.
	 *
	 * @param categoryId the category
	 * @param topicId the topic replied to (or of the edited post), or null for a new
	 * topic
	 * @param title the title of a new topic (or the new title of an edited first post),
	 * or null
	 * @param body the text in Markdown
	 * @param replyToPostNumber the post answered, or null
	 * @param editOfPostId the post an edit replaces the text of, or null for a new post
	 */
	record Draft(long categoryId, Long topicId, String title, String body, Integer replyToPostNumber,
			Long editOfPostId) {

		public Draft(long categoryId, Long topicId, String title, String body, Integer replyToPostNumber) {
			this(categoryId, topicId, title, body, replyToPostNumber, null);
		}

		/**
		 * An edit of a published post.
		 * @param categoryId the post's category
		 * @param topicId the post's topic
		 * @param postId the post
		 * @param title the new title when the first post is edited, else null
		 * @param body the new text
		 * @return the draft
		 */
		public static Draft edit(long categoryId, long topicId, long postId, String title, String body) {
			return new Draft(categoryId, topicId, title, body, null, postId);
		}

		public boolean newTopic() {
			return this.topicId == null;
		}

		public boolean edit() {
			return this.editOfPostId != null;
		}

	}

	/**
	 * What screening decided.
	 *
	 * @param body the text to publish (watched words may be masked)
	 * @param title the title to publish (idem), or null
	 * @param heldAs when held, the queued post's id; else null
	 * @param flagReasons reasons to put the published post in the review queue
	 */
	record Screened(String body, String title, Long heldAs, List<String> flagReasons) {

		public Screened {
			flagReasons = List.copyOf(flagReasons);
		}

		public static Screened publish(Draft draft) {
			return new Screened(draft.body(), draft.title(), null, List.of());
		}

		public boolean held() {
			return this.heldAs != null;
		}

	}

	/** Publishes everything as it is (when no review feature is present). */
	PostScreening NONE = new PostScreening() {

		@Override
		public Screened screen(Viewer author, Draft draft) {
			return Screened.publish(draft);
		}

		@Override
		public void published(Viewer author, long postId, Screened screened) {
		}

	};

}

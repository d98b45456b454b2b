package com.rapport.community.search;

import java.util.List;
import java.util.Set;

/**
 * Where posts are indexed and searched. Today a Lucene index on each node
 * ({@link LuceneSearchIndex}); an OpenSearch cluster can take its place by implementing
 * this interface, since callers only hand over posts and queries. Every change is visible
 * to searches when the method returns.
 */
interface SearchIndex {

	/**
	 * Adds posts or replaces them.
	 * @param posts posts readers can see
	 */
	void upsert(List<IndexedPost> posts);

	/**
	 * Adds or replaces posts during a rebuild. Unlike {@link #upsert(List)}, searches may
	 * see them only a little later, at the latest when the rebuild finishes.
	 * @param posts posts readers can see
	 */
	void rebuildBatch(List<IndexedPost> posts);

	/**
	 * Removes a post; nothing happens when it is not indexed.
	 * @param postId the post
	 */
	void deletePost(long postId);

	/**
	 * Replaces all posts of a topic, e.g. after its title changed.
	 * @param topicId the topic
	 * @param posts its posts readers can see; empty when the topic is gone
	 */
	void replaceTopic(long topicId, List<IndexedPost> posts);

	/**
	 * Starts a rebuild: the posts indexed from now on are the fresh ones.
	 * @return what {@link #finishRebuild(long)} needs to know
	 */
	long beginRebuild();

	/**
	 * Ends a rebuild: every post not indexed since {@link #beginRebuild()} is removed,
	 * and the index is marked complete.
	 * @param rebuild what {@link #beginRebuild()} returned
	 */
	void finishRebuild(long rebuild);

	/**
	 * Whether the index is missing posts: new, built for another schema, or a rebuild was
	 * interrupted.
	 * @return true when a rebuild is needed
	 */
	boolean needsRebuild();

	/**
	 * Makes the changes so far durable.
	 */
	void flush();

	/**
	 * The id of the last row of the {@code search_change} log this index followed, as
	 * kept with its commits, so a restarted node catches up from there.
	 * @return the id, -1 when unknown (a new index)
	 */
	long appliedChange();

	/**
	 * Records the last change log row followed; durable with the next {@link #flush()}.
	 * @param changeId the row's id
	 */
	void appliedChange(long changeId);

	/**
	 * Runs a search.
	 * @param query the words, filters and slice
	 * @return the best post of each topic found
	 */
	IndexHits search(IndexQuery query);

	/**
	 * Finds topics whose title resembles a title being typed.
	 * @param title the title
	 * @param categoryIds only topics in these categories
	 * @param maxTopics how many topics at most
	 * @return topic ids, most similar first
	 */
	List<Long> similarTopics(String title, Set<Long> categoryIds, int maxTopics);

}

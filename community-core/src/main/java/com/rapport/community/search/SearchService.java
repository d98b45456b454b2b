package com.rapport.community.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.tag.TagNames;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.TopicQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Full-text search over the topics and posts a reader may read, best match first and the
 * newer post among equally good ones. The index finds and ranks; what a page shows
 * (titles, categories, whether the post is still visible) is read from the database, so a
 * result never shows more than the reader may see even when the index lags behind.
 */
@Service
public class SearchService {

	/**
	 * A title this long is enough to look for similar topics: in characters, Chinese,
	 * Japanese and Korean ones counting twice.
	 */
	public static final int SIMILAR_MIN_CHARS = 8;

	/** A title of this many words is enough to look for similar topics. */
	public static final int SIMILAR_MIN_WORDS = 3;

	/** How many topics the index ranks for suggestions, before solved ones go first. */
	private static final int SIMILAR_CANDIDATES = 20;

	private final SearchIndex index;

	private final SearchablePosts posts;

	private final SearchIndexer indexer;

	private final CategoryService categories;

	SearchService(SearchIndex index, SearchablePosts posts, SearchIndexer indexer, CategoryService categories) {
		this.index = index;
		this.posts = posts;
		this.indexer = indexer;
		this.categories = categories;
	}

	/**
	 * Searches.
	 * @param viewer who searches: only categories they may read are searched
	 * @param query the words and filters; {@code tag:name} in the words narrows the
	 * search to topics with that tag, and a tag alone lists its topics newest first
	 * @return a page of topics found; {@link SearchResults#NONE} for a blank query
	 * @throws RejectedException {@code search.query.tooLong} for a query over
	 * {@link SearchQuery#MAX_LENGTH} characters, {@code search.dates.order} when
	 * {@code from} is after {@code to}
	 */
	public SearchResults search(Viewer viewer, SearchQuery query) {
		String text = (query.text() != null) ? query.text().strip() : "";
		if (text.codePointCount(0, text.length()) > SearchQuery.MAX_LENGTH) {
			throw new RejectedException("q", "search.query.tooLong");
		}
		if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
			throw new RejectedException("to", "search.dates.order");
		}
		if (text.isEmpty()) {
			return SearchResults.NONE;
		}
		TaggedText tagged = TaggedText.of(text);
		if (tagged.unknownTag() || (tagged.words().isEmpty() && tagged.tag() == null)) {
			return SearchResults.NONE;
		}
		List<Category> readable = this.categories.visibleTo(viewer);
		Set<Long> categoryIds = searchedCategories(readable, query.categorySlug());
		if (categoryIds.isEmpty()) {
			return SearchResults.NONE;
		}
		int page = Math.min(Math.max(query.page(), 1), SearchQuery.MAX_PAGES);
		IndexHits found = this.index.search(new IndexQuery(tagged.words(), categoryIds, author(query.author()),
				startOf(query.from()), startOf((query.to() != null) ? query.to().plusDays(1) : null),
				query.solvedOnly(), tagged.tag(), (page - 1) * SearchQuery.PAGE_SIZE, SearchQuery.PAGE_SIZE,
				SearchQuery.MAX_PAGES * SearchQuery.PAGE_SIZE));
		Map<Long, SearchablePosts.Listing> listings = this.posts
			.listings(found.hits().stream().map(IndexHits.Hit::postId).toList());
		List<SearchHit> hits = new ArrayList<>();
		for (IndexHits.Hit hit : found.hits()) {
			SearchablePosts.Listing listing = listings.get(hit.postId());
			// the index may lag behind a change: the database has the last word
			if (listing != null && categoryIds.contains(listing.categoryId())
					&& (listing.solved() || !query.solvedOnly())) {
				Category category = readable.stream()
					.filter((c) -> c.id() == listing.categoryId())
					.findFirst()
					.orElseThrow();
				hits.add(new SearchHit(listing.topicId(), listing.topicSlug(), listing.topicTitle(),
						listing.postNumber(), (listing.postNumber() - 1) / TopicQueries.POSTS_PER_PAGE + 1,
						category.slug(), category.name(), listing.author(), listing.createdAt(), listing.solved(),
						hit.snippet()));
			}
		}
		int pageCount = Math.min(SearchQuery.MAX_PAGES,
				(found.topicCount() + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE);
		return new SearchResults(hits, page, pageCount, found.topicCount(), found.more());
	}

	/**
	 * Topics whose title resembles a title being typed, so a member finds an answered
	 * question before asking it again: the solved ones first, then the others, each group
	 * most similar first. Only topics the viewer may read; a title of fewer than
	 * {@link #SIMILAR_MIN_CHARS} characters and {@link #SIMILAR_MIN_WORDS} words finds
	 * nothing, and only the first {@link SearchQuery#MAX_LENGTH} characters count.
	 * @param viewer who types
	 * @param title the title so far
	 * @param limit how many topics at most
	 * @return the topics
	 */
	public List<SimilarTopic> similarTopics(Viewer viewer, String title, int limit) {
		String text = (title != null) ? title.strip() : "";
		if (text.length() > SearchQuery.MAX_LENGTH) {
			text = text.substring(0, SearchQuery.MAX_LENGTH);
		}
		if (limit <= 0 || (width(text) < SIMILAR_MIN_CHARS && text.split("\\s+").length < SIMILAR_MIN_WORDS)) {
			return List.of();
		}
		Set<Long> readable = new HashSet<>();
		this.categories.visibleTo(viewer).forEach((c) -> readable.add(c.id()));
		List<Long> found = this.index.similarTopics(text, readable, SIMILAR_CANDIDATES);
		// the database has the last word on what is visible, and the list orders solved
		// topics first
		Map<Long, SimilarTopic> visible = this.posts.similarTopics(found, readable);
		List<SimilarTopic> ordered = new ArrayList<>();
		found.stream().map(visible::get).filter((t) -> t != null && t.solved()).forEach(ordered::add);
		found.stream().map(visible::get).filter((t) -> t != null && !t.solved()).forEach(ordered::add);
		return List.copyOf(ordered.subList(0, Math.min(limit, ordered.size())));
	}

	/**
	 * How long a text is for the "long enough" rule: a Chinese, Japanese or Korean
	 * character counts twice, since one says about as much as two Latin letters (a
	 * 7-character Chinese title is a whole question) and is written without spaces.
	 */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			width += switch (Character.UnicodeScript.of(cp)) {
				case HAN, HIRAGANA, KATAKANA, HANGUL -> 2;
				default -> 1;
			};
		}
		return width;
	}

	/**
	 * Builds the index again from the database: after restoring a backup, or when the
	 * index was lost or damaged. Searches keep working meanwhile. Also runs at start-up
	 * with {@code --rapport.search.rebuild=true}.
	 */
	@PreAuthorize("hasRole('STAFF')")
	public void rebuild() {
		this.indexer.rebuild();
	}

	/**
	 * The categories searched: all the reader may read, or one of them and its children.
	 */
	private static Set<Long> searchedCategories(List<Category> readable, String slug) {
		Set<Long> ids = new HashSet<>();
		if (slug == null || slug.isBlank()) {
			readable.forEach((c) -> ids.add(c.id()));
			return ids;
		}
		Optional<Category> chosen = readable.stream().filter((c) -> c.slug().equals(slug)).findFirst();
		chosen.ifPresent((c) -> {
			ids.add(c.id());
			readable.stream().filter((child) -> Long.valueOf(c.id()).equals(child.parentId())).forEach((child) -> {
				ids.add(child.id());
			});
		});
		return ids;
	}

	/**
	 * A query's words and the tag it is narrowed to: {@code tag:name} (or
	 * {@code tags:name}) anywhere in the text.
	 *
	 * @param words the rest of the text
	 * @param tag the normalised tag, or null
	 * @param unknownTag whether the tag named cannot exist (so nothing is found)
	 */
	record TaggedText(String words, String tag, boolean unknownTag) {

		static TaggedText of(String text) {
			StringBuilder words = new StringBuilder();
			String tag = null;
			boolean unknown = false;
			for (String word : text.split("\\s+")) {
				String lower = word.toLowerCase(Locale.ROOT);
				int prefix = lower.startsWith("tag:") ? 4 : lower.startsWith("tags:") ? 5 : -1;
				if (prefix > 0 && word.length() > prefix) {
					try {
						tag = TagNames.normalise(word.substring(prefix), Tags.NAME_MAX);
					}
					catch (RejectedException ex) {
						unknown = true;
					}
				}
				else if (!word.isEmpty()) {
					words.append((words.length() > 0) ? " " : "").append(word);
				}
			}
			return new TaggedText(words.toString(), tag, unknown);
		}

	}

	private static String author(String author) {
		if (author == null) {
			return null;
		}
		String name = author.strip();
		if (name.startsWith("@")) {
			name = name.substring(1);
		}
		return name.isEmpty() ? null : name;
	}

	private static Instant startOf(LocalDate day) {
		return (day != null) ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

}

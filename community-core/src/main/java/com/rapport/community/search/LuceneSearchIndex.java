package com.rapport.community.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index as a Lucene index in a directory of this node. Searches read a
 * near-real-time view that each change refreshes before it returns; commits (which make
 * changes survive a restart) happen on {@link #flush()} and at rebuilds. The commit
 * records the schema version and whether the index is complete, so a new schema or an
 * interrupted rebuild is noticed at the next start.
 */
final class LuceneSearchIndex implements SearchIndex, Closeable {

	/** Raise when documents change shape: the index is then rebuilt at the next start. */
	static final String SCHEMA = "3";

	/**
	 * Newest posts first inside each segment: among equally relevant posts the newer one
	 * ranks first, and sorted this way most of the older ties are rejected at a glance.
	 */
	private static final Sort NEWEST_FIRST = new Sort(new SortField(PostDocuments.CREATED, SortField.Type.LONG, true));

	private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

	private static final String SCHEMA_KEY = "rapport.schema";

	private static final String GENERATION_KEY = "rapport.generation";

	private static final String STATE_KEY = "rapport.state";

	private static final String CHANGE_KEY = "rapport.change";

	private static final String COMPLETE = "complete";

	private static final String INCOMPLETE = "incomplete";

	private static final long REBUILD_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final Path path;

	private final boolean deleteOnClose;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Object commitLock = new Object();

	private final AtomicLong generation;

	private volatile boolean complete;

	private volatile boolean closed;

	private volatile long lastRefresh = System.nanoTime();

	private volatile long appliedChange;

	private volatile long committedChange;

	private LuceneSearchIndex(Path path, boolean deleteOnClose, Directory directory, IndexWriter writer,
			long generation, boolean complete, long appliedChange) throws IOException {
		this.path = path;
		this.appliedChange = appliedChange;
		this.committedChange = appliedChange;
		this.deleteOnClose = deleteOnClose;
		this.directory = directory;
		this.writer = writer;
		this.generation = new AtomicLong(generation);
		this.complete = complete;
		this.searchers = new SearcherManager(writer, null);
	}

	/**
	 * Opens the index in a directory, creating it when missing. An index of another
	 * schema or one that cannot be read is emptied, and reports that it needs a rebuild.
	 * @param path the directory
	 * @param deleteOnClose whether to delete the directory on close (a temporary index)
	 * @return the open index
	 * @throws IOException when the directory cannot be used, e.g. another process holds
	 * its lock
	 */
	static LuceneSearchIndex open(Path path, boolean deleteOnClose) throws IOException {
		Files.createDirectories(path);
		Directory directory = FSDirectory.open(path);
		try {
			Map<String, String> data = commitData(directory, path);
			boolean sameSchema = SCHEMA.equals(data.get(SCHEMA_KEY));
			if (!data.isEmpty() && !sameSchema) {
				log.info("Search index in {} has schema {}, this version uses {}: it will be rebuilt", path,
						data.get(SCHEMA_KEY), SCHEMA);
			}
			IndexWriterConfig config = new IndexWriterConfig(Language.forIndex())
				.setOpenMode(sameSchema ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE)
				.setIndexSort(NEWEST_FIRST)
				.setRAMBufferSizeMB(64);
			IndexWriter writer = new IndexWriter(directory, config);
			long generation = sameSchema ? parseGeneration(data.get(GENERATION_KEY)) : 0;
			boolean complete = sameSchema && COMPLETE.equals(data.get(STATE_KEY));
			long appliedChange = sameSchema ? parseChange(data.get(CHANGE_KEY)) : -1;
			LuceneSearchIndex index = new LuceneSearchIndex(path, deleteOnClose, directory, writer, generation,
					complete, appliedChange);
			index.commit();
			return index;
		}
		catch (IOException | RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	@Override
	public void upsert(List<IndexedPost> posts) {
		long current = this.generation.get();
		try {
			for (IndexedPost post : posts) {
				this.writer.updateDocument(PostDocuments.postTerm(post.postId()), PostDocuments.of(post, current));
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void rebuildBatch(List<IndexedPost> posts) {
		long current = this.generation.get();
		try {
			for (IndexedPost post : posts) {
				this.writer.updateDocument(PostDocuments.postTerm(post.postId()), PostDocuments.of(post, current));
			}
			// refreshing after each batch would flush many tiny segments and merge them
			// again
			long now = System.nanoTime();
			if (now - this.lastRefresh > REBUILD_REFRESH_NANOS) {
				this.lastRefresh = now;
				this.searchers.maybeRefresh();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void deletePost(long postId) {
		try {
			this.writer.deleteDocuments(PostDocuments.postTerm(postId));
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void replaceTopic(long topicId, List<IndexedPost> posts) {
		long current = this.generation.get();
		try {
			this.writer.deleteDocuments(PostDocuments.topicTerm(topicId));
			for (IndexedPost post : posts) {
				this.writer.addDocument(PostDocuments.of(post, current));
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long beginRebuild() {
		synchronized (this.commitLock) {
			long rebuild = this.generation.incrementAndGet();
			this.complete = false;
			commit();
			return rebuild;
		}
	}

	@Override
	public void finishRebuild(long rebuild) {
		try {
			this.writer.deleteDocuments(LongPoint.newRangeQuery(PostDocuments.GENERATION, Long.MIN_VALUE, rebuild - 1));
			synchronized (this.commitLock) {
				if (rebuild == this.generation.get()) {
					this.complete = true;
				}
				commit();
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long appliedChange() {
		return this.appliedChange;
	}

	@Override
	public void appliedChange(long changeId) {
		this.appliedChange = changeId;
	}

	@Override
	public boolean needsRebuild() {
		return !this.complete;
	}

	@Override
	public void flush() {
		synchronized (this.commitLock) {
			if (!this.closed && (this.writer.hasUncommittedChanges() || this.appliedChange != this.committedChange)) {
				commit();
			}
		}
	}

	@Override
	public IndexHits search(IndexQuery query) {
		var prepared = QueryText.prepare(query.text());
		if ((prepared.isEmpty() && query.tag() == null) || query.categoryIds().isEmpty() || query.limit() <= 0) {
			return IndexHits.NONE;
		}
		// a tag alone finds every post of its topics, each topic's newest first
		Query filtered = filtered(prepared.map(QueryText.Prepared::query).orElseGet(MatchAllDocsQuery::new), query);
		Map<String, Set<BytesRef>> highlight = prepared.map(QueryText.Prepared::highlightTerms).orElse(Map.of());
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				BestPostPerTopic.Result found = searcher.search(filtered, new BestPostPerTopic(query.maxTopics()));
				List<BestPostPerTopic.Best> topics = found.ranked();
				List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
				List<IndexHits.Hit> hits = new ArrayList<>();
				for (BestPostPerTopic.Best best : topics.subList(Math.min(query.offset(), topics.size()),
						Math.min(query.offset() + query.limit(), topics.size()))) {
					hits.add(hit(searcher, leaves, best.doc, best.topicId, highlight));
				}
				return new IndexHits(hits, topics.size(), found.full());
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<Long> similarTopics(String title, Set<Long> categoryIds, int maxTopics) {
		var words = QueryText.similarTitles(title);
		if (words.isEmpty() || categoryIds.isEmpty() || maxTopics <= 0) {
			return List.of();
		}
		Query query = new BooleanQuery.Builder().add(words.get(), Occur.MUST)
			.add(LongPoint.newSetQuery(PostDocuments.CATEGORY_ID,
					categoryIds.stream().mapToLong(Long::longValue).toArray()), Occur.FILTER)
			.build();
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return searcher.search(query, new BestPostPerTopic(maxTopics))
					.ranked()
					.stream()
					.map((best) -> best.topicId)
					.toList();
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		synchronized (this.commitLock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try (Directory toClose = this.directory) {
				this.searchers.close();
				if (this.deleteOnClose) {
					this.writer.rollback();
				}
				else {
					commit();
					this.writer.close();
				}
			}
		}
		if (this.deleteOnClose) {
			deleteRecursively(this.path);
		}
	}

	private static Query filtered(Query text, IndexQuery query) {
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(LongPoint.newSetQuery(PostDocuments.CATEGORY_ID,
					query.categoryIds().stream().mapToLong(Long::longValue).toArray()), Occur.FILTER);
		if (query.author() != null) {
			all.add(new TermQuery(PostDocuments.authorTerm(query.author())), Occur.FILTER);
		}
		if (query.from() != null || query.until() != null) {
			long from = (query.from() != null) ? query.from().toEpochMilli() : Long.MIN_VALUE;
			long to = (query.until() != null) ? query.until().toEpochMilli() - 1 : Long.MAX_VALUE;
			all.add(LongPoint.newRangeQuery(PostDocuments.CREATED, from, to), Occur.FILTER);
		}
		if (query.solvedOnly()) {
			all.add(new TermQuery(PostDocuments.solvedTerm()), Occur.FILTER);
		}
		if (query.tag() != null) {
			all.add(new TermQuery(PostDocuments.tagTerm(query.tag())), Occur.FILTER);
		}
		return all.build();
	}

	private static IndexHits.Hit hit(IndexSearcher searcher, List<LeafReaderContext> leaves, int doc, long topicId,
			Map<String, Set<BytesRef>> highlightTerms) {
		try {
			long postId = numeric(leaves, doc, PostDocuments.POST_ID);
			String text = searcher.storedFields().document(doc, Set.of(PostDocuments.TEXT)).get(PostDocuments.TEXT);
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
			List<Snippets.Span> matches = matches(leaf.reader(), doc - leaf.docBase, highlightTerms);
			return new IndexHits.Hit(postId, topicId, Snippets.html(text, matches));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the terms occur in a document, read from the offsets in the postings. */
	private static List<Snippets.Span> matches(LeafReader reader, int doc, Map<String, Set<BytesRef>> highlightTerms)
			throws IOException {
		List<Snippets.Span> matches = new ArrayList<>();
		for (Map.Entry<String, Set<BytesRef>> field : highlightTerms.entrySet()) {
			Terms terms = reader.terms(field.getKey());
			if (terms == null || !terms.hasOffsets()) {
				continue;
			}
			TermsEnum termsEnum = terms.iterator();
			for (BytesRef term : field.getValue()) {
				if (!termsEnum.seekExact(term)) {
					continue;
				}
				PostingsEnum postings = termsEnum.postings(null, PostingsEnum.OFFSETS);
				if (postings.advance(doc) != doc) {
					continue;
				}
				for (int i = 0; i < postings.freq(); i++) {
					postings.nextPosition();
					matches.add(new Snippets.Span(postings.startOffset(), postings.endOffset()));
				}
			}
		}
		return matches;
	}

	private static long numeric(List<LeafReaderContext> leaves, int doc, String field) throws IOException {
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
		if (!values.advanceExact(doc - leaf.docBase)) {
			throw new IllegalStateException("Indexed post without " + field);
		}
		return values.longValue();
	}

	/** Commits with the index's state; callers hold {@link #commitLock}. */
	private void commit() {
		try {
			long change = this.appliedChange;
			this.writer.setLiveCommitData(
					Map.of(SCHEMA_KEY, SCHEMA, GENERATION_KEY, Long.toString(this.generation.get()), STATE_KEY,
							this.complete ? COMPLETE : INCOMPLETE, CHANGE_KEY, Long.toString(change))
						.entrySet());
			this.writer.commit();
			this.committedChange = change;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> commitData(Directory directory, Path path) {
		try {
			return DirectoryReader.indexExists(directory) ? SegmentInfos.readLatestCommit(directory).getUserData()
					: Map.of();
		}
		catch (IOException ex) {
			log.warn("Search index in {} cannot be read ({}): it will be rebuilt", path, ex.toString());
			return Map.of(SCHEMA_KEY, "unreadable");
		}
	}

	private static long parseChange(String value) {
		if (value == null) {
			return -1;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static long parseGeneration(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
	}

}

package com.rapport.community.search;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/**
 * The Lucene document of a post: one per post, carrying its topic's title and the fields
 * results are filtered, grouped and ordered by.
 */
final class PostDocuments {

	static final String POST_ID = "post_id";

	static final String TOPIC_ID = "topic_id";

	static final String CATEGORY_ID = "category_id";

	static final String AUTHOR = "author";

	static final String CREATED = "created";

	static final String SOLVED = "solved";

	static final String GENERATION = "generation";

	/** One term per tag of the post's topic, the normalised name as it is. */
	static final String TAG = "tag";

	/**
	 * The post's plain text as stored for snippets; the analysed copies are not stored.
	 */
	static final String TEXT = "text";

	/**
	 * Analysed text with character offsets in the postings, so snippets are highlighted
	 * from the index without analysing the text again.
	 */
	private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

	private PostDocuments() {
	}

	/**
	 * @param post the post
	 * @param generation the rebuild generation this document belongs to
	 * @return its document
	 */
	static Document of(IndexedPost post, long generation) {
		Document document = new Document();
		document.add(new StringField(POST_ID, Long.toString(post.postId()), Field.Store.NO));
		document.add(new NumericDocValuesField(POST_ID, post.postId()));
		document.add(new StringField(TOPIC_ID, Long.toString(post.topicId()), Field.Store.NO));
		document.add(new NumericDocValuesField(TOPIC_ID, post.topicId()));
		document.add(new LongPoint(CATEGORY_ID, post.categoryId()));
		document.add(new StringField(AUTHOR, author(post.author()), Field.Store.NO));
		long created = post.createdAt().toEpochMilli();
		document.add(new LongPoint(CREATED, created));
		document.add(new NumericDocValuesField(CREATED, created));
		document.add(new StringField(SOLVED, solved(post.solved()), Field.Store.NO));
		document.add(new LongPoint(GENERATION, generation));
		for (String tag : post.tags()) {
			document.add(new StringField(TAG, tag, Field.Store.NO));
		}
		document.add(new StoredField(TEXT, post.text()));
		for (Language language : Language.of(post.text())) {
			document.add(new Field(language.textField(), post.text(), TEXT_WITH_OFFSETS));
		}
		for (Language language : Language.of(post.title())) {
			document.add(new TextField(language.titleField(), post.title(), Field.Store.NO));
		}
		return document;
	}

	static Term postTerm(long postId) {
		return new Term(POST_ID, Long.toString(postId));
	}

	static Term topicTerm(long topicId) {
		return new Term(TOPIC_ID, Long.toString(topicId));
	}

	static Term authorTerm(String username) {
		return new Term(AUTHOR, author(username));
	}

	static Term tagTerm(String tag) {
		return new Term(TAG, tag);
	}

	static Term solvedTerm() {
		return new Term(SOLVED, solved(true));
	}

	private static String author(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	private static String solved(boolean solved) {
		return solved ? "1" : "0";
	}

	private static FieldType textWithOffsets() {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

}

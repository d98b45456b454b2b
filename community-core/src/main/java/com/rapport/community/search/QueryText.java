package com.rapport.community.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns what a reader typed into a Lucene query. Only words and {@code "quoted phrases"}
 * have a meaning: no wildcard, fuzzy or regular-expression syntax, so no input can make
 * an expensive query or a syntax error. Each word or phrase is analysed for every
 * language its script may be indexed in and must match in one of them, in the post or in
 * its topic's title (which counts double); a word that a language drops as a stop word
 * ("the", "и") is optional.
 */
final class QueryText {

	static final int MAX_CLAUSES = 16;

	private static final float TITLE_BOOST = 2f;

	private static final Pattern CLAUSE = Pattern.compile("\"([^\"]*)\"?|([^\\s\"]+)");

	private static final Pattern QUOTES = Pattern.compile("[\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]");

	private QueryText() {
	}

	/**
	 * @param text what the reader typed
	 * @return the query and the terms to highlight, or empty when nothing is left to
	 * search for
	 */
	static Optional<Prepared> prepare(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		Map<String, Set<BytesRef>> highlight = new HashMap<>();
		int clauses = 0;
		Matcher matcher = CLAUSE.matcher(QUOTES.matcher(text).replaceAll("\""));
		while (matcher.find() && clauses < MAX_CLAUSES) {
			boolean phrase = matcher.group(1) != null;
			String words = phrase ? matcher.group(1) : matcher.group(2);
			if (!words.isBlank() && addClause(query, highlight, words, phrase)) {
				clauses++;
			}
		}
		if (clauses == 0) {
			return Optional.empty();
		}
		return Optional.of(new Prepared(query.build(), highlight));
	}

	/**
	 * A query for topics whose title resembles a title being typed: the title's words in
	 * the title fields of the languages its script is indexed in, any order, a good part
	 * of them required (half of the words; a third of the Chinese words and character
	 * pairs, which are more numerous). At most {@link #MAX_CLAUSES} words per language
	 * count, so a long title costs what a short one does.
	 * @param title what the member typed
	 * @return the query, or empty when the title has no word to look for
	 */
	static Optional<Query> similarTitles(String title) {
		if (title == null || title.isBlank()) {
			return Optional.empty();
		}
		List<Query> alternatives = new ArrayList<>();
		for (Language language : Language.of(title)) {
			Set<String> terms = new java.util.LinkedHashSet<>();
			for (Token token : analyze(language.analyzer(), title)) {
				if (terms.size() < MAX_CLAUSES) {
					terms.add(token.term());
				}
			}
			if (terms.isEmpty()) {
				continue;
			}
			BooleanQuery.Builder words = new BooleanQuery.Builder();
			terms.forEach((term) -> words.add(new TermQuery(new Term(language.titleField(), term)), Occur.SHOULD));
			int n = terms.size();
			boolean chinese = language == Language.ZH || language == Language.CJK;
			words.setMinimumNumberShouldMatch(chinese ? Math.max(1, (n + 2) / 3) : Math.max(1, (n + 1) / 2));
			alternatives.add(words.build());
		}
		if (alternatives.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new DisjunctionMaxQuery(alternatives, 0.1f));
	}

	private static boolean addClause(BooleanQuery.Builder query, Map<String, Set<BytesRef>> highlight, String words,
			boolean phrase) {
		boolean optional = false;
		List<Query> alternatives = new ArrayList<>();
		for (Language language : Language.forQuery(words)) {
			List<Token> tokens = analyze(language.analyzer(), words);
			if (tokens.isEmpty()) {
				optional |= language == Language.EN || language == Language.RU;
				continue;
			}
			// the dictionary may split a query unlike the same words in a sentence: the
			// words need not be adjacent there, the character pairs catch exact runs
			boolean anyOrder = language == Language.ZH && !phrase;
			// a post matching in its text and its topic's title scores both, so it stands
			// for
			// its topic rather than a reply that matches only through the title
			alternatives.add(new BooleanQuery.Builder().add(match(language.textField(), tokens, anyOrder), Occur.SHOULD)
				.add(new BoostQuery(match(language.titleField(), tokens, anyOrder), TITLE_BOOST), Occur.SHOULD)
				.build());
			Set<BytesRef> terms = highlight.computeIfAbsent(language.textField(), (field) -> new HashSet<>());
			tokens.forEach((token) -> terms.add(new BytesRef(token.term())));
		}
		if (alternatives.isEmpty()) {
			return false;
		}
		query.add(new DisjunctionMaxQuery(alternatives, 0f), optional ? Occur.SHOULD : Occur.MUST);
		return true;
	}

	private static Query match(String field, List<Token> tokens, boolean anyOrder) {
		if (tokens.size() == 1) {
			return new TermQuery(new Term(field, tokens.get(0).term()));
		}
		if (anyOrder) {
			BooleanQuery.Builder all = new BooleanQuery.Builder();
			tokens.forEach((token) -> all.add(new TermQuery(new Term(field, token.term())), Occur.MUST));
			return all.build();
		}
		PhraseQuery.Builder sequence = new PhraseQuery.Builder();
		tokens.forEach((token) -> sequence.add(new Term(field, token.term()), token.position()));
		return sequence.build();
	}

	private static List<Token> analyze(Analyzer analyzer, String words) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("", words)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				tokens.add(new Token(term.toString(), Math.max(position, 0)));
			}
			stream.end();
		}
		catch (IOException ex) {
			// analysing a string in memory does no I/O
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	/**
	 * A query ready to run.
	 *
	 * @param query the Lucene query
	 * @param highlightTerms per analysed text field, the terms to mark in snippets
	 */
	record Prepared(Query query, Map<String, Set<BytesRef>> highlightTerms) {

		Prepared {
			highlightTerms = Map.copyOf(highlightTerms);
		}

	}

	private record Token(String term, int position) {
	}

}

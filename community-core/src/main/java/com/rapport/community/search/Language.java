package com.rapport.community.search;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The ways a text is analysed, one index field each. English and Russian stem words
 * ("tents" and "tent", "палатки" and "палатка" meet); Chinese is split into words by a
 * dictionary and also into overlapping pairs of characters, so a word is found even where
 * the dictionary splits a sentence differently.
 */
enum Language {

	/** English: stemming and English stop words. */
	EN("en", new EnglishAnalyzer()),

	/** Russian: stemming and Russian stop words. */
	RU("ru", new RussianAnalyzer()),

	/** Chinese words, as SmartChineseAnalyzer's dictionary splits sentences. */
	ZH("zh", new SmartChineseAnalyzer()),

	/** Chinese, Japanese and Korean text as pairs of characters (bigrams). */
	CJK("cjk", new CJKAnalyzer());

	// analysers are thread-safe and live as long as the application
	private static final Analyzer INDEX_ANALYZER = indexAnalyzer();

	private final String textField;

	private final String titleField;

	private final Analyzer analyzer;

	Language(String code, Analyzer analyzer) {
		this.textField = "text_" + code;
		this.titleField = "title_" + code;
		this.analyzer = analyzer;
	}

	String textField() {
		return this.textField;
	}

	String titleField() {
		return this.titleField;
	}

	Analyzer analyzer() {
		return this.analyzer;
	}

	/**
	 * The analyser of every field, for the index writer.
	 * @return one analyser that picks each field's own
	 */
	static Analyzer forIndex() {
		return INDEX_ANALYZER;
	}

	/**
	 * The analyses a text is indexed with, from the scripts its letters are written in:
	 * Cyrillic text is Russian, Han (and kana or hangul) text Chinese, and Latin text
	 * English when it is at least a fifth of the letters, or when nothing else matched. A
	 * query is analysed in every way instead, since a few words do not tell their
	 * language.
	 * @param text a post or a title
	 * @return the analyses to index it with, never empty
	 */
	static Set<Language> of(String text) {
		int letters = 0;
		int latin = 0;
		int cyrillic = 0;
		int cjk = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (!Character.isLetter(codePoint)) {
				continue;
			}
			letters++;
			switch (Character.UnicodeScript.of(codePoint)) {
				case LATIN -> latin++;
				case CYRILLIC -> cyrillic++;
				case HAN, HIRAGANA, KATAKANA, HANGUL -> cjk++;
				default -> {
				}
			}
		}
		Set<Language> languages = EnumSet.noneOf(Language.class);
		if (cyrillic > 0) {
			languages.add(RU);
		}
		if (cjk > 0) {
			languages.add(ZH);
			languages.add(CJK);
		}
		if (languages.isEmpty() || latin * 5 >= letters) {
			languages.add(EN);
		}
		return languages;
	}

	/**
	 * The analyses to look for some words in: wherever text in their script is indexed
	 * (see {@link #of(String)}). Chinese characters are only in the Chinese fields,
	 * Cyrillic words in the Russian one; Latin words occur in all but the dictionary
	 * field, which splits other scripts into single letters.
	 * @param words one word or phrase of a query
	 * @return the analyses to query
	 */
	static Set<Language> forQuery(String words) {
		boolean han = false;
		boolean cjk = false;
		boolean cyrillic = false;
		boolean other = false;
		for (int i = 0; i < words.length();) {
			int codePoint = words.codePointAt(i);
			i += Character.charCount(codePoint);
			if (!Character.isLetterOrDigit(codePoint)) {
				continue;
			}
			switch (Character.UnicodeScript.of(codePoint)) {
				case HAN -> han = true;
				case HIRAGANA, KATAKANA, HANGUL -> cjk = true;
				case CYRILLIC -> cyrillic = true;
				default -> other = true;
			}
		}
		if (han || cjk) {
			return han ? EnumSet.of(ZH, CJK) : EnumSet.of(CJK);
		}
		if (cyrillic && !other) {
			return EnumSet.of(RU);
		}
		return EnumSet.of(EN, RU, CJK);
	}

	private static Analyzer indexAnalyzer() {
		Map<String, Analyzer> perField = new HashMap<>();
		for (Language language : values()) {
			perField.put(language.textField, language.analyzer);
			perField.put(language.titleField, language.analyzer);
		}
		return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
	}

}

package com.rapport.survey.sentiment;

import java.lang.Character.UnicodeScript;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a text is English, Chinese or Russian, or something else. The script
 * decides first (Han without kana is Chinese; Cyrillic without the letters of Ukrainian,
 * Belarusian or Serbian is Russian); Latin script is English unless the function words
 * (or accented letters) of other languages outnumber its English words.
 * <p>
 * Immutable and thread-safe.
 */
public final class LanguageDetector {

	private final Set<String> englishWords;

	private final Set<String> otherWords;

	/**
	 * Reads the word lists that tell English from other Latin-script languages.
	 */
	public LanguageDetector() {
		this(EnglishLexicon.load().keySet());
	}

	LanguageDetector(Set<String> ratedEnglishWords) {
		Set<String> english = new HashSet<>(ratedEnglishWords);
		english.addAll(WordLists.terms("en/common-words.txt"));
		this.englishWords = Set.copyOf(english);
		this.otherWords = WordLists.terms("other-words.txt");
	}

	/**
	 * The language of a text.
	 * @param text any text
	 * @return its language; {@link Language#NONE} when it has no letters
	 */
	public Language detect(String text) {
		int han = 0;
		int cyrillic = 0;
		int latin = 0;
		int other = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (!Character.isLetter(cp)) {
				continue;
			}
			UnicodeScript script = UnicodeScript.of(cp);
			switch (script) {
				case HAN -> han++;
				case CYRILLIC -> {
					if (isNonRussianCyrillic(cp)) {
						return Language.OTHER;
					}
					cyrillic++;
				}
				case LATIN -> latin++;
				case HIRAGANA, KATAKANA, HANGUL -> {
					return Language.OTHER;
				}
				default -> other++;
			}
		}
		// a Latin word counts about as much as four Han characters or one Cyrillic word
		int latinWeight = (latin + 3) / 4;
		if (han > 0 && han >= latinWeight && han >= cyrillic && han >= other) {
			return Language.CHINESE;
		}
		if (cyrillic > 0 && cyrillic >= latin && cyrillic >= other) {
			return hasWordOf(text, UKRAINIAN) ? Language.OTHER : Language.RUSSIAN;
		}
		if (latin > 0 && latin >= other) {
			return isEnglish(text) ? Language.ENGLISH : Language.OTHER;
		}
		return (han + cyrillic + latin + other == 0) ? Language.NONE : Language.OTHER;
	}

	/**
	 * Common Ukrainian words that Russian does not have, for texts without і, ї, є, ґ.
	 */
	private static final Set<String> UKRAINIAN = Set.of("це", "дуже", "що", "але", "вже", "його", "щоб", "ще", "чи",
			"від", "ви", "цей", "ця", "теж", "зараз", "коли", "навіть", "добре", "погано");

	private static boolean hasWordOf(String text, Set<String> words) {
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				if (words.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
					return true;
				}
				start = -1;
			}
		}
		return false;
	}

	private static boolean isNonRussianCyrillic(int cp) {
		// і ї є ґ (Ukrainian), ў (Belarusian), ђ ј љ њ ћ џ (Serbian, Macedonian)
		int lower = Character.toLowerCase(cp);
		return lower == 'і' || lower == 'ї' || lower == 'є' || lower == 'ґ' || lower == 'ў' || lower == 'ђ'
				|| lower == 'ј' || lower == 'љ' || lower == 'њ' || lower == 'ћ' || lower == 'џ';
	}

	private boolean isEnglish(String text) {
		int english = 0;
		int other = 0;
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean wordChar = i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'');
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				boolean mention = start > 0 && (text.charAt(start - 1) == '@' || text.charAt(start - 1) == '#');
				if (!mention) {
					String word = text.substring(start, i).toLowerCase(Locale.ROOT);
					if (this.otherWords.contains(word) || hasForeignLetter(word)) {
						other++;
					}
					else if (this.englishWords.contains(word)) {
						english++;
					}
				}
				start = -1;
			}
		}
		// without evidence of another language, Latin script is read as English
		return other <= english || (other < 2 && english > 0);
	}

	private static boolean hasForeignLetter(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c > 0x7f && c != '’' && Character.isLetter(c)) {
				return true;
			}
		}
		return false;
	}

}

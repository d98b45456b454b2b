package com.rapport.community.review;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedWordMatcherTest {

	private static WatchedWordMatcher matcher(String... patterns) {
		List<WatchedWord> words = new java.util.ArrayList<>();
		for (int i = 0; i < patterns.length; i++) {
			words.add(new WatchedWord(i, WatchedWordMatcher.normalize(patterns[i]), WatchedAction.FLAG));
		}
		return WatchedWordMatcher.of(words);
	}

	private static List<String> found(WatchedWordMatcher matcher, String text) {
		return matcher.find(text).stream().map((m) -> text.substring(m.start(), m.end())).toList();
	}

	@Test
	void matchesWholeWordsRegardlessOfCase() {
		WatchedWordMatcher matcher = matcher("ass", "buy now");
		assertThat(found(matcher, "What a CLASS act. Buy Now, ASS!")).containsExactly("Buy Now", "ASS");
		assertThat(found(matcher, "passing classes, buy nowhere")).isEmpty();
	}

	@Test
	void findsChineseWordsInsideASentenceWithoutSpaces() {
		WatchedWordMatcher matcher = matcher("帐篷", "spam");
		assertThat(found(matcher, "我的帐篷漏水了")).containsExactly("帐篷");
		assertThat(found(matcher, "这是spam广告")).containsExactly("spam");
	}

	@Test
	void matchesRussianWithWordBoundaries() {
		WatchedWordMatcher matcher = matcher("дурак");
		assertThat(found(matcher, "Сам ДУРАК!")).containsExactly("ДУРАК");
		assertThat(found(matcher, "дураки и дороги")).isEmpty();
		assertThat(found(matcher("дурак*"), "дураки и дороги")).containsExactly("дураки");
	}

	@Test
	void wildcardsExtendToTheRestOfTheWord() {
		assertThat(found(matcher("spam*"), "spammers spam; unspam")).containsExactly("spammers", "spam");
		assertThat(found(matcher("*coin"), "bitcoin and coin, coins")).containsExactly("bitcoin", "coin");
	}

	@Test
	void findsOverlappingPatternsAndSuffixesThroughFailureLinks() {
		WatchedWordMatcher matcher = matcher("he", "she", "hers", "his");
		assertThat(found(matcher, "ushers")).isEmpty();
		assertThat(found(matcher, "she said hers, his, he")).containsExactly("she", "hers", "his", "he");
		assertThat(found(matcher("安全", "全帐"), "安全帐篷")).containsExactly("安全", "全帐");
	}

	@Test
	void refusesPatternsThatAreNotPlainWords() {
		assertThat(WatchedWordMatcher.normalize("a*b")).isNull();
		assertThat(WatchedWordMatcher.normalize("*")).isNull();
		assertThat(WatchedWordMatcher.normalize("x")).isNull();
		assertThat(WatchedWordMatcher.normalize("  Buy   NOW ")).isEqualTo("buy now");
		assertThat(WatchedWordMatcher.normalize("赌")).isEqualTo("赌");
		assertThat(WatchedWordMatcher.normalize("(a+)+$")).isEqualTo("(a+)+$");
	}

	@Test
	void masksCensoredWordsKeepingTheLength() {
		WatchedWordMatcher matcher = WatchedWordMatcher.of(List.of(new WatchedWord(1, "darn", WatchedAction.CENSOR),
				new WatchedWord(2, "脏话", WatchedAction.CENSOR)));
		String text = "Darn it, 不要说脏话";
		assertThat(ReviewScreening.masked(text, matcher.find(text))).isEqualTo("■■■■ it, 不要说■■");
	}

	@Test
	void countsLinks() {
		assertThat(ReviewScreening.links("see https://a.example and http://b.example or www.c.example")).isEqualTo(3);
		assertThat(ReviewScreening.links("https://www.a.example")).isEqualTo(1);
	}

}

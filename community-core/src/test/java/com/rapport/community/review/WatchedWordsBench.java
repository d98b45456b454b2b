package com.rapport.community.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How long checking one post against 5,000 watched words takes: run by
 * {@code bench/watched-words.sh}, not by the test suite. Words are a deterministic mix of
 * English, Russian and Chinese, some with wildcards; posts are typical forum replies in
 * each language and one post of the longest size accepted (32,000 characters).
 */
public final class WatchedWordsBench {

	private static final String[] LATIN = { "tent", "pack", "boot", "rain", "trail", "camp", "stove", "fuel", "seam",
			"zip", "pole", "peg", "tarp", "hike", "peak", "lake", "snow", "wind", "map", "rope" };

	private static final String[] CYRILLIC = { "палат", "рюкзак", "ботин", "дожд", "троп", "лагер", "плит", "топлив",
			"шов", "молни", "стойк", "колыш", "тент", "поход", "верш", "озер", "снег", "ветер", "карт", "верёвк" };

	private static final String[] HAN = { "帐篷", "背包", "登山", "雨衣", "步道", "营地", "炉子", "燃料", "接缝", "拉链", "帐杆", "地钉", "天幕",
			"徒步", "山峰", "湖泊", "积雪", "大风", "地图", "绳索" };

	private WatchedWordsBench() {
	}

	public static void main(String[] args) {
		int wordCount = (args.length > 0) ? Integer.parseInt(args[0]) : 5_000;
		Random random = new Random(42);
		List<WatchedWord> words = new ArrayList<>();
		// a few that the posts below contain, so matches are reported as well
		for (String hit : List.of("seams", "wind*", "дождя", "ветра", "接缝", "大风")) {
			words.add(new WatchedWord(-words.size() - 1, hit, WatchedAction.FLAG));
		}
		for (int i = 0; words.size() < wordCount; i++) {
			String pattern = switch (i % 3) {
				case 0 -> LATIN[random.nextInt(LATIN.length)] + Integer.toString(i, 36) + ((i % 7 == 0) ? "*" : "");
				case 1 -> CYRILLIC[random.nextInt(CYRILLIC.length)] + "ы" + Integer.toString(i, 36);
				default -> HAN[random.nextInt(HAN.length)] + HAN[random.nextInt(HAN.length)] + (char) ('一' + i % 500);
			};
			words.add(new WatchedWord(i, WatchedWordMatcher.normalize(pattern), WatchedAction.FLAG));
		}
		long built = System.nanoTime();
		WatchedWordMatcher matcher = WatchedWordMatcher.of(words);
		System.out.printf("automaton for %,d words built in %.1f ms%n", words.size(),
				(System.nanoTime() - built) / 1e6);
		String english = repeat("My tent leaks at the seams after two nights of rain on the trail; the stove "
				+ "and the fuel bottle are fine, but the poles bent in the wind near the lake. ", 1_500);
		String russian = repeat("Моя палатка протекает по швам после двух ночей дождя на тропе; плитка и "
				+ "топливо в порядке, но стойки погнулись от ветра у озера. ", 1_500);
		String chinese = repeat("我的帐篷在步道上淋了两夜雨之后接缝漏水了，炉子和燃料都没问题，但是帐杆在湖边被大风吹弯了。", 600);
		String longest = repeat(english + russian + chinese, 32_000);
		for (String[] post : new String[][] { { "English reply", english }, { "Russian reply", russian },
				{ "Chinese reply", chinese }, { "longest post", longest } }) {
			measure(matcher, post[0], post[1]);
		}
	}

	private static void measure(WatchedWordMatcher matcher, String name, String text) {
		int warmup = 20_000;
		int runs = 50_000;
		int sink = 0;
		for (int i = 0; i < warmup; i++) {
			sink += matcher.find(text).size();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			sink += matcher.find(text).size();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("%-14s %6d chars: p50 %7.1f µs  p99 %7.1f µs  max %8.1f µs  (%d matches)%n", name,
				text.length(), nanos[runs / 2] / 1e3, nanos[runs * 99 / 100] / 1e3, nanos[runs - 1] / 1e3,
				sink / (warmup + runs));
	}

	private static String repeat(String text, int length) {
		StringBuilder out = new StringBuilder(length);
		while (out.length() < length) {
			out.append(text);
		}
		return out.substring(0, length);
	}

}

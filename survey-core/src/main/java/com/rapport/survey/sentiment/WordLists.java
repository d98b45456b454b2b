package com.rapport.survey.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the word lists under {@code sentiment/} on the classpath: UTF-8, one entry a
 * line, {@code term<TAB>value} (or just {@code term} for sets), {@code #} starts a
 * comment line.
 */
final class WordLists {

	private WordLists() {
	}

	static Map<String, Double> valences(String resource) {
		return valences(resource, UnaryOperator.identity());
	}

	/**
	 * Reads {@code term<TAB>value} lines; the key is the term passed through {@code key}
	 * (e.g. a stemmer). A later line for the same key wins.
	 */
	static Map<String, Double> valences(String resource, UnaryOperator<String> key) {
		Map<String, Double> map = new HashMap<>();
		read(resource, (line) -> {
			int tab = line.indexOf('\t');
			if (tab <= 0) {
				throw new IllegalStateException("No value in " + resource + ": " + line);
			}
			int end = line.indexOf('\t', tab + 1);
			String value = (end < 0) ? line.substring(tab + 1) : line.substring(tab + 1, end);
			map.put(key.apply(line.substring(0, tab).strip()), Double.parseDouble(value.strip()));
		});
		return Map.copyOf(map);
	}

	static Set<String> terms(String resource) {
		Set<String> set = new HashSet<>();
		read(resource, (line) -> {
			int tab = line.indexOf('\t');
			set.add(((tab < 0) ? line : line.substring(0, tab)).strip());
		});
		return Set.copyOf(set);
	}

	private static void read(String resource, java.util.function.Consumer<String> lines) {
		String path = resource.startsWith("sentiment/") || resource.equals("vader_sentiment_lexicon.txt") ? resource
				: "sentiment/" + resource;
		InputStream in = WordLists.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("Missing word list on the classpath: " + path);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String trimmed = line.strip();
				if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
					lines.accept(line.stripTrailing());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

}

package com.rapport.portal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the three message bundles in step and the templates free of hard-coded text, in
 * the manner of spring-petclinic's {@code I18nPropertiesSyncTest}. Reads the source tree
 * (Maven runs tests with the module as working directory), so a failure names the file
 * and line to fix.
 */
class I18nSyncTest {

	private static final Path RESOURCES = resources();

	// one bundle per language: messages*.properties plus each feature's
	// i18n/<feature>*.properties
	private static final List<String> BUNDLES = List.of("messages.properties", "messages_zh_CN.properties",
			"messages_ru.properties");

	private static final List<String> SUFFIXES = List.of("", "_zh_CN", "_ru");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	// Thymeleaf's inlined expressions [[...]] and [(...)] print resolved values
	private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	private static final Pattern LITERAL_SUBSTITUTION = Pattern.compile("\\|([^|]*)\\|");

	private static final Pattern EXPRESSION = Pattern.compile("[$*#@~]\\{[^}]*}");

	// elements whose content is not prose shown to users
	private static final Set<String> NOT_PROSE = Set.of("script", "style", "code", "pre");

	// attributes that replace the element's body, children included
	private static final List<String> BODY_REPLACING = List.of("th:text", "th:utext", "th:errors", "data-th-text",
			"data-th-utext", "data-th-errors", "sec:authentication");

	// attributes that replace the element with a fragment; its children may still be
	// shown, passed as fragment arguments (e.g. a page's ~{::main} given to the layout)
	private static final List<String> FRAGMENT_INCLUDING = List.of("th:replace", "th:insert", "th:include",
			"data-th-replace", "data-th-insert", "data-th-include");

	// attributes that users see or hear
	private static final List<String> VISIBLE_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label",
			"aria-description", "aria-roledescription", "aria-valuetext");

	private static final Set<String> BUTTON_INPUTS = Set.of("submit", "button", "reset");

	private static final Set<String> DESCRIPTIVE_META = Set.of("description", "og:title", "og:description",
			"twitter:title", "twitter:description");

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		Map<String, Properties> bundles = bundles();
		Set<String> allKeys = new TreeSet<>();
		bundles.values().forEach((bundle) -> allKeys.addAll(bundle.stringPropertyNames()));
		Map<String, Set<String>> missing = new LinkedHashMap<>();
		bundles.forEach((file, bundle) -> {
			Set<String> absent = new TreeSet<>(allKeys);
			absent.removeAll(bundle.stringPropertyNames());
			if (!absent.isEmpty()) {
				missing.put(file, absent);
			}
		});
		assertThat(missing).as("keys missing per bundle (each bundle needs every key of the others)").isEmpty();
	}

	@Test
	void bundlesHaveNoEmptyValues() throws IOException {
		List<String> empty = new ArrayList<>();
		bundles().forEach((file, bundle) -> bundle.stringPropertyNames()
			.stream()
			.filter((key) -> bundle.getProperty(key).isBlank())
			.sorted()
			.forEach((key) -> empty.add(file + ": " + key)));
		assertThat(empty).as("messages with an empty value").isEmpty();
	}

	@Test
	void bundlesHaveNoDuplicateKeys() throws IOException {
		List<String> duplicates = new ArrayList<>();
		for (String file : BUNDLES) {
			// the later value silently wins, so a duplicate hides a translation
			load(file, (key) -> duplicates.add(file + ": " + key));
		}
		assertThat(duplicates).as("keys defined twice").isEmpty();
	}

	@Test
	void translationsUseTheSameArguments() throws IOException {
		Map<String, Properties> bundles = bundles();
		Properties base = bundles.get(BUNDLES.get(0));
		List<String> problems = new ArrayList<>();
		bundles.forEach((file, bundle) -> {
			for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
				String value = bundle.getProperty(key);
				if (base.containsKey(key) && !arguments(value).equals(arguments(base.getProperty(key)))) {
					problems.add(file + ": " + key + " uses arguments " + arguments(value) + " but " + BUNDLES.get(0)
							+ " uses " + arguments(base.getProperty(key)));
				}
				if (!arguments(value).isEmpty() && value.replace("''", "").contains("'")) {
					// MessageFormat treats a single quote as the start of a quoted part
					problems.add(file + ": " + key + " has arguments and a single ' (write '' for an apostrophe)");
				}
			}
		});
		assertThat(problems).as("message arguments").isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template, StandardCharsets.UTF_8), "",
					Parser.htmlParser().setTrackPosition(true));
			check(document, false, RESOURCES.relativize(template).toString(), problems);
		}
		assertThat(problems)
			.as("hard-coded text in templates: put it in messages*.properties and use th:text / th:<attribute>")
			.isEmpty();
	}

	@Test
	void templatesUseOnlyDefinedMessageKeys() throws IOException {
		Properties base = bundles().get(BUNDLES.get(0));
		List<String> undefined = new ArrayList<>();
		for (Path template : templates()) {
			List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				Matcher keys = MESSAGE_KEY.matcher(lines.get(i));
				while (keys.find()) {
					if (!isDefined(keys.group(1), base)) {
						undefined.add(RESOURCES.relativize(template) + ":" + (i + 1) + ": #{" + keys.group(1) + "}");
					}
				}
			}
		}
		assertThat(undefined).as("message keys used in templates but missing from %s", BUNDLES.get(0)).isEmpty();
	}

	private static void check(Element element, boolean bodyReplacedAbove, String file, List<String> problems) {
		if (NOT_PROSE.contains(element.normalName()) || isRemoved(element)) {
			return;
		}
		boolean bodyReplaced = bodyReplacedAbove || BODY_REPLACING.stream().anyMatch(element::hasAttr)
				|| (element.normalName().equals("textarea") && element.hasAttr("th:field"));
		if (!bodyReplacedAbove && !element.hasAttr("th:replace") && !element.hasAttr("data-th-replace")) {
			checkAttributes(element, file, problems);
		}
		if (!bodyReplaced && FRAGMENT_INCLUDING.stream().noneMatch(element::hasAttr)) {
			String text = INLINED.matcher(ownText(element)).replaceAll("").trim();
			if (hasLetters(text)) {
				problems.add(where(file, element) + "text \"" + text + "\"");
			}
		}
		for (Element child : element.children()) {
			check(child, bodyReplaced, file, problems);
		}
	}

	private static void checkAttributes(Element element, String file, List<String> problems) {
		List<String> visible = new ArrayList<>(VISIBLE_ATTRIBUTES);
		if (element.normalName().equals("input")
				&& BUTTON_INPUTS.contains(element.attr("type").toLowerCase(Locale.ROOT))) {
			visible.add("value");
		}
		if (element.normalName().equals("meta") && (DESCRIPTIVE_META.contains(element.attr("name"))
				|| DESCRIPTIVE_META.contains(element.attr("property")))) {
			visible.add("content");
		}
		for (String name : visible) {
			if (element.hasAttr(name) && hasLetters(element.attr(name)) && !isComputed(element, name)) {
				problems.add(where(file, element) + name + "=\"" + element.attr(name) + "\"");
			}
			String computed = element.hasAttr("th:" + name) ? element.attr("th:" + name) : "";
			if (hasLetters(literalText(computed))) {
				problems.add(where(file, element) + "th:" + name + "=\"" + computed + "\"");
			}
		}
		for (String name : List.of("th:text", "th:utext")) {
			if (hasLetters(literalText(element.attr(name)))) {
				problems.add(where(file, element) + name + "=\"" + element.attr(name) + "\"");
			}
		}
	}

	/** The static text of |...| literal substitutions, e.g. "min" in |${n} min|. */
	private static String literalText(String expression) {
		StringBuilder text = new StringBuilder();
		Matcher literals = LITERAL_SUBSTITUTION.matcher(expression);
		while (literals.find()) {
			text.append(EXPRESSION.matcher(literals.group(1)).replaceAll(""));
		}
		return text.toString();
	}

	/** Whether Thymeleaf replaces the plain attribute (natural-template prototypes). */
	private static boolean isComputed(Element element, String name) {
		return element.hasAttr("th:" + name) || element.hasAttr("data-th-" + name)
				|| Pattern.compile("(^|[\\s,])" + Pattern.quote(name) + "\\s*=")
					.matcher(element.attr("th:attr"))
					.find();
	}

	private static boolean isRemoved(Element element) {
		String remove = element.hasAttr("th:remove") ? element.attr("th:remove") : element.attr("data-th-remove");
		// "tag" and "none" keep the content visible
		return !remove.isEmpty() && !remove.equals("tag") && !remove.equals("none");
	}

	private static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		for (TextNode node : element.textNodes()) {
			text.append(node.text());
		}
		return text.toString();
	}

	private static boolean hasLetters(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static String where(String file, Element element) {
		int line = element.sourceRange().start().lineNumber();
		return file + ((line > 0) ? ":" + line : "") + ": <" + element.tagName() + "> ";
	}

	private static boolean isDefined(String key, Properties bundle) {
		// "#{status.__${s}__}" and "#{status.${s}}" name a family of keys by its prefix
		int preprocessed = key.indexOf("__");
		String prefix = (preprocessed >= 0) ? key.substring(0, preprocessed) : key;
		if (preprocessed >= 0 || prefix.endsWith(".")) {
			return bundle.stringPropertyNames().stream().anyMatch((name) -> name.startsWith(prefix));
		}
		return bundle.containsKey(key);
	}

	private static Set<String> arguments(String message) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Map<String, Properties> bundles() throws IOException {
		Map<String, Properties> bundles = new LinkedHashMap<>();
		for (String file : BUNDLES) {
			bundles.put(file, load(file, (key) -> {
			}));
		}
		return bundles;
	}

	private static Properties load(String file, Consumer<String> onDuplicate) throws IOException {
		Path path = RESOURCES.resolve(file);
		assertThat(path).as("message bundle").isRegularFile();
		String suffix = SUFFIXES.get(BUNDLES.indexOf(file));
		List<Path> files = new ArrayList<>();
		files.add(path);
		Path features = RESOURCES.resolve("i18n");
		if (Files.isDirectory(features)) {
			try (var listing = Files.list(features)) {
				listing.filter((f) -> f.getFileName().toString().matches("[a-z-]+" + suffix + "\\.properties"))
					.sorted()
					.forEach(files::add);
			}
		}
		Properties properties = new Properties() {

			@Override
			public synchronized Object put(Object key, Object value) {
				Object previous = super.put(key, value);
				if (previous != null) {
					onDuplicate.accept((String) key);
				}
				return previous;
			}

		};
		for (Path each : files) {
			// Spring Boot reads message bundles as UTF-8
			try (Reader reader = Files.newBufferedReader(each, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	private static List<Path> templates() throws IOException {
		Path root = RESOURCES.resolve("templates");
		assertThat(root).as("template directory").isDirectory();
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> templates = files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
			// a test that checks no template must not pass
			assertThat(templates).as("templates under %s", root).isNotEmpty();
			return templates;
		}
	}

	private static Path resources() {
		Path inModule = Path.of("src", "main", "resources");
		// Maven runs in portal-web; an IDE may run from the repository root
		return Files.isDirectory(inModule.resolve("templates")) ? inModule
				: Path.of("portal-web", "src", "main", "resources");
	}

}

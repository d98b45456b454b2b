package com.rapport.portal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Base class of the Selenium journeys: one headless Chromium (Debian's, driven by
 * Debian's chromedriver, nothing downloaded) per test class, on the shared application
 * context of {@link PortalIntegrationTest}. The browser keeps its cookies between the
 * methods of a class; call {@link #deleteCookies()} where a test needs a fresh visitor.
 * On a failure the page's screenshot and HTML are saved under
 * {@code target/browser-failures/}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(BrowserTest.FailureCapture.class)
public abstract class BrowserTest extends PortalIntegrationTest {

	static {
		// second guard next to the explicit driver service: Selenium Manager must never
		// go online
		System.setProperty("SE_OFFLINE", "true");
	}

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	// generous: a loaded two-core machine can take seconds to render a page
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	private Browser browser;

	private final List<Browser> extraBrowsers = new ArrayList<>();

	/** The field typed into last: {@link #submit()} submits its form. */
	private WebElement lastField;

	@BeforeAll
	void startBrowser() {
		this.browser = Browser.start("en-US");
	}

	@AfterAll
	void stopBrowsers() {
		this.extraBrowsers.forEach(Browser::close);
		this.extraBrowsers.clear();
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/** The browser of this test class. */
	protected WebDriver driver() {
		return this.browser.driver();
	}

	/**
	 * A second, independent browser (own profile, own cookies) that sends
	 * {@code acceptLanguage} (e.g. "ru" or "zh-CN,zh") as Accept-Language. The caller
	 * quits it; any left open are quit, and all profiles deleted, after the class.
	 */
	protected WebDriver newDriver(String acceptLanguage) {
		Browser extra = Browser.start(acceptLanguage);
		this.extraBrowsers.add(extra);
		return extra.driver();
	}

	// navigation and reading

	/** Opens {@code path} (e.g. "/login?lang=ru") and waits for the page to load. */
	protected void open(String path) {
		driver().get(url(path));
		this.lastField = null;
		waitForPageLoad();
	}

	/** Path and query of the current page, e.g. "/login?error". */
	protected String currentPath() {
		URI uri = URI.create(driver().getCurrentUrl());
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	protected WebElement byId(String id) {
		return driver().findElement(By.id(id));
	}

	protected WebElement find(String css) {
		return driver().findElement(By.cssSelector(css));
	}

	protected List<WebElement> findAll(String css) {
		return driver().findElements(By.cssSelector(css));
	}

	protected boolean isPresent(String css) {
		return !findAll(css).isEmpty();
	}

	/** The visible text of the whole page. */
	protected String pageText() {
		return find("body").getText();
	}

	// forms

	/** Clears the visible field named {@code name} and types {@code text} into it. */
	protected void type(String name, String text) {
		WebElement field = field(name);
		field.clear();
		field.sendKeys(text);
		this.lastField = field;
	}

	/** Ticks or unticks the checkbox named {@code name}. */
	protected void check(String name, boolean checked) {
		WebElement box = field(name);
		if (box.isSelected() != checked) {
			box.click();
		}
		this.lastField = box;
	}

	/** Chooses the option with {@code value} in the select named {@code name}. */
	protected void select(String name, String value) {
		WebElement select = field(name);
		new Select(select).selectByValue(value);
		this.lastField = select;
	}

	/**
	 * Submits the form of the field typed into last (or the first form in {@code <main>})
	 * with its submit button and waits for the next page.
	 */
	protected void submit() {
		WebElement form = currentForm();
		List<WebElement> buttons = form
			.findElements(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]"));
		if (buttons.isEmpty()) {
			clickAndWait(() -> ((JavascriptExecutor) driver()).executeScript("arguments[0].requestSubmit()", form));
		}
		else {
			clickAndWait(buttons.get(0));
		}
	}

	/** Clicks the element matching {@code css} without waiting for a new page. */
	protected void click(String css) {
		find(css).click();
	}

	/** Clicks {@code element} (a link or a submit button) and waits for the next page. */
	protected void clickAndWait(WebElement element) {
		clickAndWait(element::click);
	}

	/** Clicks the link with exactly this text and waits for the next page. */
	protected void clickLink(String linkText) {
		clickAndWait(driver().findElement(By.linkText(linkText)));
	}

	// accounts

	/**
	 * Signs in through the login form and waits for the page after it; fails when the
	 * application sends the browser back to the login page. Tests of a failing sign-in
	 * fill the form with {@link #type(String, String)} and {@link #submit()} instead.
	 */
	protected void loginAs(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		submit();
		assertThat(currentPath()).as("page after signing in as %s", username).doesNotStartWith("/login");
	}

	/** Signs out with the logout button of the account menu (a POST form). */
	protected void logout() {
		WebElement button = byId("logout-button");
		if (!button.isDisplayed()) {
			openMenuHolding(button);
		}
		if (button.isDisplayed()) {
			clickAndWait(button);
		}
		else {
			// a menu this helper cannot open: the form still posts the same way
			clickAndWait(() -> ((JavascriptExecutor) driver()).executeScript("arguments[0].click()", button));
		}
	}

	/** Forgets every cookie of this browser (session, remember-me, locale). */
	protected void deleteCookies() {
		// WebDriver's deleteAllCookies only reaches the current page's domain
		this.browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	// downloads

	/**
	 * Fetches {@code path} (e.g. a page's CSV or PNG link) outside the browser but with
	 * the browser's cookies of this site, so as the same signed-in visitor; redirects are
	 * not followed.
	 */
	protected HttpResponse<byte[]> download(String path) {
		String cookies = driver().manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT);
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while downloading " + path, ex);
		}
	}

	// waiting

	protected WebDriverWait waitFor() {
		return new WebDriverWait(driver(), TIMEOUT);
	}

	protected <T> T waitUntil(ExpectedCondition<T> condition) {
		return waitFor().until(condition);
	}

	protected void waitForPageLoad() {
		waitUntil((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	// accessibility

	/**
	 * Runs axe-core on the current page and fails listing every violation of impact
	 * "serious" or "critical" with its rule, help text and the offending elements.
	 */
	protected void assertAccessible() {
		Results results = new AxeBuilder().analyze(driver());
		if (results.isErrored()) {
			fail("axe could not analyse " + driver().getCurrentUrl() + ": " + results.getErrorMessage());
		}
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.toList();
		if (!blocking.isEmpty()) {
			fail("Accessibility violations on " + currentPath() + ":\n"
					+ blocking.stream().map(BrowserTest::describe).collect(Collectors.joining("\n")));
		}
	}

	private static String describe(Rule rule) {
		String nodes = rule.getNodes()
			.stream()
			.map(CheckedNode::getTarget)
			.map((target) -> "    at " + target)
			.collect(Collectors.joining("\n"));
		return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " [" + rule.getHelpUrl() + "]\n"
				+ nodes;
	}

	// internals

	private WebElement field(String name) {
		List<WebElement> fields = driver().findElements(By.name(name));
		if (fields.isEmpty()) {
			throw new NoSuchElementException("No field named '" + name + "' on " + currentPath());
		}
		// a page may repeat a name (e.g. the header's search box): prefer the visible one
		return fields.stream().filter(WebElement::isDisplayed).findFirst().orElse(fields.get(0));
	}

	private WebElement currentForm() {
		if (this.lastField != null) {
			try {
				return this.lastField.findElement(By.xpath("./ancestor::form"));
			}
			catch (StaleElementReferenceException | NoSuchElementException ex) {
				// the field belongs to an earlier page: fall back to the page's main form
			}
		}
		return find("main form");
	}

	private void clickAndWait(Runnable action) {
		WebElement page = find("html");
		action.run();
		waitUntil((driver) -> isStale(page));
		this.lastField = null;
		waitForPageLoad();
	}

	/**
	 * Whether the element belongs to a page that was left. Chromium sometimes answers a
	 * look at such an element with "Node with given id does not belong to the document"
	 * instead of a stale element error: both mean the page changed.
	 */
	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return String.valueOf(ex.getMessage()).contains("does not belong to the document");
		}
	}

	private void openMenuHolding(WebElement element) {
		List<WebElement> summaries = element.findElements(By.xpath("./ancestor::details[1]/summary"));
		if (!summaries.isEmpty()) {
			summaries.get(0).click();
		}
		else {
			// a menu toggled by script: find its toggle through aria-controls
			List<WebElement> toggles = driver()
				.findElements(By.xpath("//*[@aria-controls and @aria-controls=//*[.//*[@id='"
						+ element.getDomAttribute("id") + "']]/@id]"));
			if (!toggles.isEmpty()) {
				toggles.get(0).click();
			}
		}
	}

	/** A Chromium with its own throw-away profile directory. */
	private record Browser(ChromeDriver driver, Path profile) {

		static Browser start(String acceptLanguage) {
			Path profile;
			try {
				profile = Files.createTempDirectory("chromium-profile");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
					"--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
					"--window-size=1280,900", "--lang=" + acceptLanguage.split("[,;]")[0].trim(),
					"--user-data-dir=" + profile);
			// --lang alone does not set Accept-Language in headless mode; the preference
			// does
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			try {
				return new Browser(new ChromeDriver(service, options), profile);
			}
			catch (RuntimeException ex) {
				deleteQuietly(profile);
				throw ex;
			}
		}

		void close() {
			try {
				this.driver.quit();
			}
			finally {
				deleteQuietly(this.profile);
			}
		}

		private static void deleteQuietly(Path directory) {
			// Chromium may still flush a file or two right after quitting: retry briefly
			for (int attempt = 0; attempt < 3 && Files.exists(directory); attempt++) {
				try (Stream<Path> paths = Files.walk(directory)) {
					paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
				}
				catch (IOException | UncheckedIOException ex) {
					// retried below
				}
				if (Files.exists(directory)) {
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}

	}

	/** Keeps a screenshot and the HTML of the page a browser test failed on. */
	static class FailureCapture implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			context.getTestInstance()
				.filter(BrowserTest.class::isInstance)
				.map(BrowserTest.class::cast)
				.filter((test) -> test.browser != null)
				.ifPresent((test) -> capture(test.driver(),
						context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()));
		}

		private static void capture(WebDriver driver, String name) {
			try {
				Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
				String file = name.replaceAll("[^A-Za-z0-9_.-]", "_");
				Files.write(dir.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
				Files.writeString(dir.resolve(file + ".html"),
						"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
			}
			catch (IOException | RuntimeException ex) {
				// diagnostics must not hide the real failure
			}
		}

	}

}

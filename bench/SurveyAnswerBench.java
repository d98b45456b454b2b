import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Survey answer benchmark (run by bench/answers.sh; see bench/README.md). Java 17
 * single-file program, no dependencies.
 *
 * 1. Opens the survey's public link N times as N new visitors (no cookies) and keeps each
 *    page's response token: the page render is timed.
 * 2. Submits every response once with one POST (C connections at a time); every tenth
 *    submit is sent a second time after its answer, as a client retry would. A submit is
 *    acknowledged when the portal redirects to the thank-you page.
 * 3. Signs in as staff and reads the survey's stored completed responses, which must equal
 *    the count before plus the distinct responses acknowledged: 0 lost, 0 duplicated.
 */
public class SurveyAnswerBench {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private static final Pattern QUESTION = Pattern.compile("type=\"radio\" id=\"q(\\d+)-");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern COMPLETED = Pattern.compile("id=\"response-count\">[^<]*?(\\d+)<");

	public static void main(String[] args) throws Exception {
		String base = env("BASE_URL", "http://127.0.0.1:8080");
		String key = env("SURVEY", "demo-nps");
		int responses = Integer.parseInt(env("RESPONSES", "20000"));
		int connections = Integer.parseInt(env("CONNECTIONS", "16"));
		int retryEvery = Integer.parseInt(env("RETRY_EVERY", "10"));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		int before = storedCount(base, key);

		// 1. pages
		ConcurrentLinkedQueue<String[]> pages = new ConcurrentLinkedQueue<>();
		List<Long> pageNanos = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger pageErrors = new AtomicInteger();
		long pagesStart = System.nanoTime();
		run(connections, responses, (i) -> {
			long start = System.nanoTime();
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/s/" + key)).build(),
					HttpResponse.BodyHandlers.ofString());
			pageNanos.add(System.nanoTime() - start);
			Matcher token = TOKEN.matcher(page.body());
			Matcher question = QUESTION.matcher(page.body());
			if (page.statusCode() == 200 && token.find() && question.find()) {
				pages.add(new String[] { token.group(1), question.group(1) });
			}
			else {
				pageErrors.incrementAndGet();
			}
		});
		double pagesSeconds = (System.nanoTime() - pagesStart) / 1e9;

		// 2. submits
		List<String[]> work = new ArrayList<>(pages);
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger retriesAcknowledged = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
		AtomicLong requests = new AtomicLong();
		long submitStart = System.nanoTime();
		run(connections, work.size(), (i) -> {
			String[] page = work.get(i);
			String form = "token=" + URLEncoder.encode(page[0], StandardCharsets.UTF_8) + "&q" + page[1] + "="
					+ (i % 11);
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/s/" + key))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build();
			long start = System.nanoTime();
			boolean ok = acknowledged(http.send(request, HttpResponse.BodyHandlers.discarding()));
			submitNanos.add(System.nanoTime() - start);
			requests.incrementAndGet();
			if (retryEvery > 0 && i % retryEvery == 0) {
				requests.incrementAndGet();
				if (acknowledged(http.send(request, HttpResponse.BodyHandlers.discarding()))) {
					retriesAcknowledged.incrementAndGet();
					ok = true;
				}
			}
			// a response counts once, acknowledged by its first request or by the retry
			if (ok) {
				acknowledged.incrementAndGet();
			}
			else {
				failed.incrementAndGet();
			}
		});
		double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
		int after = storedCount(base, key);

		System.out.printf("pages: %d in %.1f s (%.0f/s), errors %d, p50 %s, p95 %s, p99 %s%n", pageNanos.size(),
				pagesSeconds, pageNanos.size() / pagesSeconds, pageErrors.get(), pct(pageNanos, 50), pct(pageNanos, 95),
				pct(pageNanos, 99));
		System.out.printf("submits: %d responses (%d requests with retries) in %.1f s = %.0f completed responses/s, "
				+ "p50 %s, p95 %s, p99 %s%n", work.size(), requests.get(), submitSeconds, acknowledged.get() / submitSeconds,
				pct(submitNanos, 50), pct(submitNanos, 95), pct(submitNanos, 99));
		System.out.printf("responses acknowledged %d (retries acknowledged %d), not acknowledged %d; stored before %d, after %d: "
				+ "lost %d, duplicated %d%n", acknowledged.get(), retriesAcknowledged.get(), failed.get(), before, after,
				Math.max(0, acknowledged.get() - (after - before)), Math.max(0, (after - before) - acknowledged.get()));
	}

	private static boolean acknowledged(HttpResponse<?> response) {
		return response.statusCode() == 302
				&& response.headers().firstValue("Location").map((l) -> l.endsWith("/thanks")).orElse(false);
	}

	/** The survey's completed responses as the staff page shows them. */
	private static int storedCount(String base, String key) throws Exception {
		HttpClient staff = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = staff.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(login);
		csrf.find();
		String form = "username=" + env("STAFF_USER", "staff") + "&password="
				+ URLEncoder.encode(env("STAFF_PASSWORD", "Rapport-demo-2026"), StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		staff.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String list = staff.send(HttpRequest.newBuilder(URI.create(base + "/staff/surveys")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher row = Pattern.compile("id=\"survey-" + Pattern.quote(key)
				+ "\">.*?class=\"count-cell\">(\\d+)<", Pattern.DOTALL).matcher(list);
		if (!row.find()) {
			throw new IllegalStateException("Cannot read the stored count of " + key + " as staff");
		}
		return Integer.parseInt(row.group(1));
	}

	interface Task {

		void run(int index) throws Exception;

	}

	private static void run(int threads, int count, Task task) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					try {
						task.run(i);
					}
					catch (Exception ex) {
						System.err.println("request " + i + ": " + ex);
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
	}

	private static String pct(List<Long> nanos, int percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "-";
		}
		long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
		return String.format("%.1f ms", value / 1e6);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}

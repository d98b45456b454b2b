import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A steady stream of survey answers for the operations scripts (bench/db-outage.sh,
 * bench/graceful-shutdown.sh; see bench/README.md). Java 17 single-file program, no
 * dependencies.
 *
 * Each of C workers, until DURATION seconds have passed (or the file STOP_FILE exists),
 * opens the survey's public link as a new visitor, answers it and submits, then waits
 * PACE_MS. A submit that fails (no connection, a 5xx such as the 503 the portal answers
 * while its database is away) is sent again, the same form with the same token and so the
 * same response id, as the answer page itself does, every RETRY_MS until it is
 * acknowledged (a redirect to the thank-you page) or RETRY_FOR seconds have passed. A page
 * that cannot be opened is opened again after RETRY_MS.
 *
 * Writes OUT_DIR/acknowledged.txt ("epoch-millis response-id", one line per acknowledged
 * response), OUT_DIR/attempted.txt (every response id submitted at least once) and
 * OUT_DIR/gave-up.txt, and prints a summary.
 */
public class AnswerStream {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private static final Pattern QUESTION = Pattern.compile("type=\"radio\" id=\"q(\\d+)-");

	public static void main(String[] args) throws Exception {
		String base = env("BASE_URL", "http://127.0.0.1:8080");
		String key = env("SURVEY", "demo-nps");
		int connections = Integer.parseInt(env("CONNECTIONS", "4"));
		long durationMs = Long.parseLong(env("DURATION", "60")) * 1000;
		long paceMs = Long.parseLong(env("PACE_MS", "0"));
		long retryMs = Long.parseLong(env("RETRY_MS", "1000"));
		long retryForMs = Long.parseLong(env("RETRY_FOR", "180")) * 1000;
		Path out = Path.of(env("OUT_DIR", "."));
		Path stopFile = Path.of(env("STOP_FILE", out.resolve("stop").toString()));
		Files.createDirectories(out);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> attempted = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> gaveUp = new ConcurrentLinkedQueue<>();
		List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger resends = new AtomicInteger();
		AtomicInteger retriedResponses = new AtomicInteger();
		AtomicInteger pageFailures = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		long start = System.currentTimeMillis();
		long end = start + durationMs;
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		for (int c = 0; c < connections; c++) {
			int worker = c;
			pool.submit(() -> {
				int n = 0;
				while (System.currentTimeMillis() < end && !Files.exists(stopFile)) {
					String[] page = page(http, base, key);
					if (page == null) {
						pageFailures.incrementAndGet();
						sleep(retryMs);
						continue;
					}
					String id = responseId(page[0]);
					attempted.add(id);
					String form = "token=" + URLEncoder.encode(page[0], StandardCharsets.UTF_8) + "&q" + page[1] + "="
							+ ((worker + n++) % 11);
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/s/" + key))
						.timeout(Duration.ofSeconds(60))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build();
					long first = System.currentTimeMillis();
					int sends = 0;
					while (true) {
						sends++;
						int status;
						String location;
						try {
							HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
							status = response.statusCode();
							location = response.headers().firstValue("Location").orElse("");
						}
						catch (IOException ex) {
							status = -1;
							location = "";
						}
						if (status == 302 && location.endsWith("/thanks")) {
							long now = System.currentTimeMillis();
							acknowledged.add(now + " " + id);
							submitMillis.add(now - first);
							break;
						}
						if (status != -1 && status < 500) {
							// refused (bad input, closed survey): nothing stored, not retried
							refused.incrementAndGet();
							break;
						}
						if (System.currentTimeMillis() - first > retryForMs) {
							gaveUp.add(id);
							break;
						}
						resends.incrementAndGet();
						if (sends == 1) {
							retriedResponses.incrementAndGet();
						}
						sleep(retryMs);
					}
					if (paceMs > 0) {
						sleep(paceMs);
					}
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(durationMs + retryForMs + 600_000, TimeUnit.MILLISECONDS);
		double seconds = (System.currentTimeMillis() - start) / 1000.0;

		write(out.resolve("acknowledged.txt"), acknowledged);
		write(out.resolve("attempted.txt"), attempted);
		write(out.resolve("gave-up.txt"), gaveUp);
		List<Long> sorted = new ArrayList<>(submitMillis);
		Collections.sort(sorted);
		System.out.printf(
				"answer stream: %d responses submitted in %.1f s, %d acknowledged (%.1f/s), %d of them after a retry "
						+ "(%d resends), %d gave up after %d s, %d refused, %d page opens failed; "
						+ "submit-to-acknowledgement p50 %s, p99 %s, max %s%n",
				attempted.size(), seconds, acknowledged.size(), acknowledged.size() / seconds, retriedResponses.get(),
				resends.get(), gaveUp.size(), retryForMs / 1000, refused.get(), pageFailures.get(), pct(sorted, 50),
				pct(sorted, 99), sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1) + " ms");
	}

	private static String[] page(HttpClient http, String base, String key) {
		try {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/s/" + key))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = TOKEN.matcher(page.body());
			Matcher question = QUESTION.matcher(page.body());
			if (page.statusCode() == 200 && token.find() && question.find()) {
				return new String[] { token.group(1), question.group(1) };
			}
		}
		catch (IOException ex) {
			// the portal is away: opened again later
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	/** The response id the portal signed into the form token (field "r"). */
	static String responseId(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.lastIndexOf('.'))),
				StandardCharsets.UTF_8);
		for (String pair : payload.split("&")) {
			if (pair.startsWith("r=")) {
				return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
			}
		}
		throw new IllegalStateException("no response id in the token");
	}

	private static void write(Path file, ConcurrentLinkedQueue<String> lines) throws IOException {
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file))) {
			lines.forEach(writer::println);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String pct(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return "-";
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) + " ms";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}

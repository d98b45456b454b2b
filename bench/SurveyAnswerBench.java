import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * 1. Opens the survey's public link WARMUP + N times as new visitors (no cookies) and
 *    keeps each page's response token: the page render is timed.
 * 2. Submits the first WARMUP responses (40,000 by default, untimed: on 2 cores the
 *    portal's JIT compiler keeps compiling for about two minutes of load after a start,
 *    which is not what a capacity figure is about), then the N
 *    others, each once with one POST (C connections at a time), timed; every tenth submit
 *    is sent a second time after its answer, as a client retry would. A submit is
 *    acknowledged when the portal redirects to the thank-you page.
 * 3. Signs in as staff and reads the survey's stored completed responses, which must equal
 *    the count before plus the distinct responses acknowledged (warm-up included): 0 lost,
 *    0 duplicated.
 *
 * The requests go over plain HTTP/1.1 keep-alive connections, one per worker, written and
 * read by a few lines of code below: java.net.http.HttpClient cost the load generator
 * about 2 ms of CPU per request, which on a 2-core machine took a large share of the CPU
 * the portal was being measured with. With PIDS=pid,pid… it prints the CPU time those
 * processes (and itself) used per completed response during the timed submits (Linux).
 */
public class SurveyAnswerBench {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private static final Pattern QUESTION = Pattern.compile("type=\"radio\" id=\"q(\\d+)-");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = env("BASE_URL", "http://127.0.0.1:8080");
		String key = env("SURVEY", "demo-nps");
		int responses = Integer.parseInt(env("RESPONSES", "20000"));
		int warmup = Integer.parseInt(env("WARMUP", "40000"));
		int connections = Integer.parseInt(env("CONNECTIONS", "16"));
		int retryEvery = Integer.parseInt(env("RETRY_EVERY", "10"));
		URI uri = URI.create(base);
		InetSocketAddress address = new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 80);
		String host = uri.getHost() + ((uri.getPort() > 0) ? ":" + uri.getPort() : "");
		ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> new Connection(address, host));
		int before = storedCount(base, key);

		// 1. pages
		int total = warmup + responses;
		String[][] pages = new String[total][];
		List<Long> pageNanos = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger pageErrors = new AtomicInteger();
		long pagesStart = System.nanoTime();
		run(connections, total, (i) -> {
			long start = System.nanoTime();
			Reply page = connection.get().send("GET", "/s/" + key, null);
			pageNanos.add(System.nanoTime() - start);
			Matcher token = TOKEN.matcher(page.body());
			Matcher question = QUESTION.matcher(page.body());
			if (page.status() == 200 && token.find() && question.find()) {
				pages[i] = new String[] { token.group(1), question.group(1) };
			}
			else {
				pageErrors.incrementAndGet();
			}
		});
		double pagesSeconds = (System.nanoTime() - pagesStart) / 1e9;

		// 2. submits: the warm-up, then the timed ones
		List<Integer> warm = new ArrayList<>();
		List<Integer> timed = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			if (pages[i] != null) {
				((i < warmup) ? warm : timed).add(i);
			}
		}
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicInteger retriesAcknowledged = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
		AtomicLong requests = new AtomicLong();
		Submitter submitter = (i, record) -> {
			String[] page = pages[i];
			byte[] form = ("token=" + URLEncoder.encode(page[0], StandardCharsets.UTF_8) + "&q" + page[1] + "="
					+ (i % 11)).getBytes(StandardCharsets.UTF_8);
			long start = System.nanoTime();
			boolean ok = acknowledged(connection.get().send("POST", "/s/" + key, form));
			if (record) {
				submitNanos.add(System.nanoTime() - start);
				requests.incrementAndGet();
			}
			if (retryEvery > 0 && i % retryEvery == 0) {
				if (record) {
					requests.incrementAndGet();
				}
				if (acknowledged(connection.get().send("POST", "/s/" + key, form))) {
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
		};
		run(connections, warm.size(), (n) -> submitter.submit(warm.get(n), false));
		List<double[]> cpuBefore = cpu();
		long submitStart = System.nanoTime();
		run(connections, timed.size(), (n) -> submitter.submit(timed.get(n), true));
		double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
		List<double[]> cpuAfter = cpu();
		int after = storedCount(base, key);
		int timedAcknowledged = acknowledged.get() - warm.size();

		System.out.printf("pages: %d in %.1f s (%.0f/s), errors %d, p50 %s, p95 %s, p99 %s%n", pageNanos.size(),
				pagesSeconds, pageNanos.size() / pagesSeconds, pageErrors.get(), pct(pageNanos, 50), pct(pageNanos, 95),
				pct(pageNanos, 99));
		System.out.printf("warm-up: %d responses submitted first, not timed%n", warm.size());
		System.out.printf("submits: %d responses (%d requests with retries) in %.1f s = %.0f completed responses/s, "
				+ "p50 %s, p95 %s, p99 %s%n", timed.size(), requests.get(), submitSeconds,
				Math.max(0, timedAcknowledged) / submitSeconds, pct(submitNanos, 50), pct(submitNanos, 95),
				pct(submitNanos, 99));
		System.out.printf("responses acknowledged %d (retries acknowledged %d), not acknowledged %d; stored before %d, after %d: "
				+ "lost %d, duplicated %d%n", acknowledged.get(), retriesAcknowledged.get(), failed.get(), before, after,
				Math.max(0, acknowledged.get() - (after - before)), Math.max(0, (after - before) - acknowledged.get()));
		String[] names = env("PIDS", "").split(",");
		for (int p = 0; p < cpuAfter.size(); p++) {
			String name = (p < names.length && !names[p].isEmpty()) ? "pid " + names[p] : "this benchmark";
			double seconds = cpuAfter.get(p)[0] - cpuBefore.get(p)[0];
			System.out.printf("cpu during the timed submits, %s: %.1f s, %.3f ms per completed response%n", name,
					seconds, seconds * 1000 / Math.max(1, timedAcknowledged));
			double compiling = cpuAfter.get(p)[1] - cpuBefore.get(p)[1];
			if (compiling > 0) {
				System.out.printf("  of which its JIT compiler threads (at least: threads that ended are not counted): %.1f s, %.3f ms per completed response%n",
						compiling, compiling * 1000 / Math.max(1, timedAcknowledged));
			}
		}
	}

	/**
	 * CPU seconds of a JVM's JIT compiler threads ("C1/C2 CompilerThread"): a large share
	 * means the JVM was still compiling the code measured, not running it warm.
	 */
	private static double compilerSeconds(String pid) {
		double seconds = 0;
		try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					if (Files.readString(task.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
						String stat = Files.readString(task.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					}
				}
				catch (IOException | RuntimeException ex) {
					// a thread that ended meanwhile
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return seconds;
	}

	private static boolean acknowledged(Reply reply) {
		return reply.status() == 302 && reply.location() != null && reply.location().endsWith("/thanks");
	}

	/** CPU seconds (user + system) of the PIDS processes and of this one, when /proc has them. */
	private static List<double[]> cpu() {
		List<double[]> cpu = new ArrayList<>();
		List<String> pids = new ArrayList<>();
		for (String pid : env("PIDS", "").split(",")) {
			if (!pid.isBlank()) {
				pids.add(pid.strip());
			}
		}
		if (pids.isEmpty()) {
			return cpu;
		}
		pids.add(Long.toString(ProcessHandle.current().pid()));
		for (String pid : pids) {
			try {
				String stat = Files.readString(Path.of("/proc", pid, "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				cpu.add(new double[] { (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0,
						compilerSeconds(pid) });
			}
			catch (IOException | RuntimeException ex) {
				cpu.add(new double[] { 0, 0 });
			}
		}
		return cpu;
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

	interface Submitter {

		void submit(int index, boolean record) throws Exception;

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

	/** A response: status, Location header and body. */
	record Reply(int status, String location, String body) {
	}

	/**
	 * One HTTP/1.1 keep-alive connection: a request is written whole, the response read
	 * by its Content-Length or chunks. A connection the server closes (Connection: close)
	 * is opened again for the next request. No cookies are kept: every page is a new
	 * visitor, as with the former HttpClient without a cookie handler.
	 */
	static final class Connection {

		private final InetSocketAddress address;

		private final String host;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Connection(InetSocketAddress address, String host) {
			this.address = address;
			this.host = host;
		}

		Reply send(String method, String path, byte[] form) throws IOException {
			if (this.socket == null) {
				this.socket = new Socket();
				this.socket.setTcpNoDelay(true);
				this.socket.connect(this.address, 5000);
				this.socket.setSoTimeout(120_000);
				this.in = new BufferedInputStream(this.socket.getInputStream(), 16384);
				this.out = this.socket.getOutputStream();
			}
			try {
				StringBuilder head = new StringBuilder(256).append(method)
					.append(' ')
					.append(path)
					.append(" HTTP/1.1\r\nHost: ")
					.append(this.host)
					.append("\r\nUser-Agent: SurveyAnswerBench\r\n");
				if (form != null) {
					head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
						.append(form.length)
						.append("\r\n");
				}
				head.append("\r\n");
				byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
				byte[] request = (form != null) ? Arrays.copyOf(headBytes, headBytes.length + form.length) : headBytes;
				if (form != null) {
					System.arraycopy(form, 0, request, headBytes.length, form.length);
				}
				this.out.write(request);
				this.out.flush();
				return read();
			}
			catch (IOException ex) {
				close();
				throw ex;
			}
		}

		private Reply read() throws IOException {
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean closing = false;
			String location = null;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> closing = value.equalsIgnoreCase("close");
					case "location" -> location = value;
					default -> {
					}
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (long size = Long.parseLong(chunkSize(line()), 16); size > 0;
						size = Long.parseLong(chunkSize(line()), 16)) {
					copy(body, size);
					line();
				}
				for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
					// trailers are not used
				}
			}
			else if (length >= 0) {
				copy(body, length);
			}
			else if (status != 204 && status != 304 && !(status >= 100 && status < 200)) {
				this.in.transferTo(body);
				closing = true;
			}
			if (closing) {
				close();
			}
			return new Reply(status, location, body.toString(StandardCharsets.UTF_8));
		}

		private static String chunkSize(String line) {
			int extension = line.indexOf(';');
			return ((extension >= 0) ? line.substring(0, extension) : line).trim();
		}

		private void copy(ByteArrayOutputStream body, long length) throws IOException {
			byte[] buffer = new byte[8192];
			long left = length;
			while (left > 0) {
				int n = this.in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (n < 0) {
					throw new EOFException("connection closed in a response body");
				}
				body.write(buffer, 0, n);
				left -= n;
			}
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new EOFException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void close() {
			try {
				if (this.socket != null) {
					this.socket.close();
				}
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}

	}

}

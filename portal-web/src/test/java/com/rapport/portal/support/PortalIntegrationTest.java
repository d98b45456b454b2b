package com.rapport.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.rapport.PortalApplication;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.MemberService;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one base class of portal-web integration tests. Every subclass inherits exactly
 * this configuration, so Spring's test context cache keeps a single application context
 * (and a single embedded MariaDB) for the whole test JVM. Do not add
 * {@code @TestPropertySource}, {@code @MockitoBean} or profiles in subclasses: each
 * variation starts another context and another database server.
 * <p>
 * Data is never cleaned between tests: the database lives as long as the JVM, so tests
 * create their own members and content with {@link #unique(String)} names instead of
 * relying on an empty database.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "rapport.db.embedded.ephemeral=true", "rapport.mail.poll-interval=200ms",
				// tests flush topic views themselves, when they want to see them
				"rapport.views.flush-interval=1h",
				// and page views and visits (EngagementCounts)
				"rapport.engagement.flush-interval=1h",
				// request lines at once, so a test reads them right after its requests
				// (RequestLogBufferTest covers the batches)
				"rapport.request-log.flush-interval=0",
				// members made by tests are new and post quickly: moderation tests set
				// the
				// limits they need in the database (review_setting)
				"rapport.review.new-member-approvals=0", "rapport.review.posts-per-minute=10000",
				"rapport.review.new-member-posts-per-minute=10000", "rapport.review.topics-per-day=10000",
				"rapport.review.new-member-topics-per-day=10000", "rapport.review.same-text-per-day=1000",
				"rapport.review.new-member-links=1000",
				// every test answers surveys from 127.0.0.1: the per-address limit of a
				// whole test run is not the point of any test (per respondent still is)
				"rapport.survey.rate.per-address=1000000",
				// tests write their data straight into the database, which the anonymous
				// page cache cannot see: AnonymousPageCacheIntegrationTest turns it on
				"rapport.page-cache.enabled=false",
				// OperationsIntegrationTest scrapes metrics as Prometheus would
				"rapport.metrics.token=test-scrape-token-0123456789",
				// a voter's page reads the poll's results again this often (15 s in
				// production), so a browser test sees other votes arrive
				"rapport.poll.refresh-interval=1s" })
// counts SQL statements per request (TopicPageQueryCountIntegrationTest)
@Import(StatementCounter.Registration.class)
public abstract class PortalIntegrationTest {

	@Autowired
	private MemberService memberService;

	@Autowired
	private CategoryService categoryService;

	@Autowired
	private JdbcClient jdbcClient;

	/**
	 * Builds members and categories for this test.
	 * @return the builder
	 */
	protected TestData testData() {
		return new TestData(this.memberService, this.categoryService, this.jdbcClient);
	}

	private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	/**
	 * Started once per JVM and never stopped: the cached context keeps sending to it
	 * across test classes, and the JVM exit closes the socket.
	 */
	private static final GreenMail MAIL = startMailServer();

	// random per JVM so names stay unique even against a database that outlives a run
	private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	/** The port the application listens on. */
	protected int port() {
		return this.port;
	}

	/** An absolute URL on the running application, {@code path} starting with "/". */
	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The SMTP server that receives every mail the application sends. */
	protected GreenMail mail() {
		return MAIL;
	}

	/** Every mail delivered to {@code address} so far, oldest first. */
	protected List<MimeMessage> mailsTo(String address) {
		return MAIL.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(address), (message) -> true)
			.toList();
	}

	/**
	 * Waits up to ten seconds for a mail to {@code address} and returns the newest one.
	 * When an earlier test step already mailed that address, use
	 * {@link #awaitMailTo(String, int)} to wait for the next one.
	 */
	protected MimeMessage awaitMailTo(String address) {
		return awaitMailTo(address, 1);
	}

	/**
	 * Waits up to ten seconds until at least {@code count} mails were delivered to
	 * {@code address} and returns the newest one.
	 */
	protected MimeMessage awaitMailTo(String address, int count) {
		long deadline = System.nanoTime() + MAIL_TIMEOUT.toNanos();
		while (true) {
			List<MimeMessage> mails = mailsTo(address);
			if (mails.size() >= count) {
				return mails.get(mails.size() - 1);
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Expected " + count + " mail(s) to " + address + " within " + MAIL_TIMEOUT
						+ " but got " + mails.size());
			}
			MAIL.waitForIncomingEmail(100, MAIL.getReceivedMessages().length + 1);
		}
	}

	/**
	 * The first http(s) link in the mail's text whose URL contains {@code pathPrefix}
	 * (e.g. "/password/reset"). The plain-text part is preferred; an HTML-only mail is
	 * searched as well.
	 */
	protected String linkIn(MimeMessage message, String pathPrefix) {
		String text = textOf(message);
		Matcher links = LINK.matcher(text);
		while (links.find()) {
			// a sentence may end right after the link
			String link = links.group().replaceAll("[.,;:!?)\\]]+$", "").replace("&amp;", "&");
			if (link.contains(pathPrefix)) {
				return link;
			}
		}
		throw new AssertionError("No link containing '" + pathPrefix + "' in mail:\n" + text);
	}

	/** The text of the mail: its text/plain part, else its text/html part. */
	protected String textOf(MimeMessage message) {
		try {
			String plain = findPart(message, "text/plain");
			return (plain != null) ? plain : String.valueOf(findPart(message, "text/html"));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Unreadable mail", ex);
		}
	}

	/**
	 * A short name unique in this JVM, made of {@code prefix} (reduced to letters, digits
	 * and underscores, at most 18 characters) and a suffix, never longer than 30
	 * characters: fits usernames, and {@code unique("ann") + "@example.com"} gives a
	 * fresh address.
	 */
	protected static String unique(String prefix) {
		String clean = prefix.replaceAll("[^A-Za-z0-9_]", "");
		if (clean.length() > 18) {
			clean = clean.substring(0, 18).replaceAll("_+$", "");
		}
		return clean + "_" + RUN + Integer.toString(SEQUENCE.incrementAndGet(), 36);
	}

	private static String findPart(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = findPart(child, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static GreenMail startMailServer() {
		IllegalStateException failure = null;
		// a free port can be taken between probing and binding: try a few
		for (int attempt = 0; attempt < 3; attempt++) {
			GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			try {
				greenMail.start();
				return greenMail;
			}
			catch (IllegalStateException ex) {
				failure = ex;
			}
		}
		throw failure;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

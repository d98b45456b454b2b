package com.rapport.portal.engage;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import com.rapport.portal.mail.MailSigning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Click tracking of notification mails: each link of a mail goes through
 * {@value #PATH}{@code ?u=<portal path>&c=<channel>&m=<mail id>&d=<day sent>&s=<HMAC>},
 * signed like the unsubscribe links with the secret in {@code mail_signing_key} (shared
 * by all nodes) for another purpose, so a link of one kind can never pass for the other.
 * The target is always a path of the portal itself (never a host): anything else, or a
 * changed parameter, is refused. The mail id is random and not linked to the member; a
 * mail counts as clicked once, on the day it was sent, when clicked within
 * {@link #WINDOW}.
 */
@Component
public class MailClicks {

	/** The redirect's path. */
	public static final String PATH = "/email/click";

	/** Mail sent as soon as it is due. */
	public static final String IMMEDIATE = "mail-immediate";

	/** The daily summary. */
	public static final String DIGEST = "mail-digest";

	static final Duration WINDOW = Duration.ofDays(31);

	private static final String PURPOSE = "rapport-mail-click:";

	private static final int MAX_PATH = 300;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MailSigning signing;

	private final EngagementCounts counts;

	private final SecureRandom random = new SecureRandom();

	MailClicks(JdbcClient jdbc, Clock clock, EngagementCounts counts, MailSigning signing) {
		this.signing = signing;
		this.jdbc = jdbc;
		this.clock = clock;
		this.counts = counts;
	}

	/**
	 * A new random id for one mail, shared by its links.
	 * @return 16 URL-safe characters
	 */
	public String newMailId() {
		byte[] id = new byte[12];
		this.random.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

	/**
	 * Counts a mail sent today, in the caller's transaction (the one that writes it to
	 * the outbox), so a mail rolled back is not counted.
	 * @param channel {@link #IMMEDIATE} or {@link #DIGEST}
	 */
	public void sent(String channel) {
		this.counts.addNow(this.counts.today(), Metric.MAIL_SENT, channel);
	}

	/**
	 * The tracked link to a portal path, for a mail sent today.
	 * @param endpoint the absolute link to {@link #PATH}
	 * @param path the portal path the link leads to, e.g. {@code /notifications/12}
	 * @param channel the mail's channel
	 * @param mailId the mail's id
	 * @return the URL
	 */
	public String link(UriComponentsBuilder endpoint, String path, String channel, String mailId) {
		if (!isPortalPath(path)) {
			throw new IllegalArgumentException("Not a path of the portal: " + path);
		}
		String day = Long.toString(this.counts.today().toEpochDay());
		return endpoint.queryParam("u", path)
			.queryParam("c", channel)
			.queryParam("m", mailId)
			.queryParam("d", day)
			.queryParam("s", this.signing.sign(PURPOSE, payload(path, channel, mailId, day)))
			.encode()
			.toUriString();
	}

	/**
	 * Checks a followed link.
	 * @return the click, or empty when a parameter is missing, changed or the target is
	 * not a path of the portal
	 */
	Optional<Click> verify(String path, String channel, String mailId, String day, String signature) {
		if (path == null || channel == null || mailId == null || day == null || signature == null || !isPortalPath(path)
				|| channel.length() > 24 || mailId.length() != 16 || day.length() > 8 || signature.length() > 64) {
			return Optional.empty();
		}
		if (!this.signing.verify(PURPOSE, payload(path, channel, mailId, day), signature)) {
			return Optional.empty();
		}
		if (!IMMEDIATE.equals(channel) && !DIGEST.equals(channel)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Click(path, channel, mailId, LocalDate.ofEpochDay(Long.parseLong(day))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Counts the mail as clicked, once per mail, on the day it was sent; a click after
	 * the window is not counted (its row may be purged).
	 * @param click a verified click
	 * @return true when it was counted now
	 */
	@Transactional
	public boolean record(Click click) {
		Instant now = this.clock.instant();
		LocalDate today = this.counts.today();
		if (click.sentDay().isAfter(today) || click.sentDay().plusDays(WINDOW.toDays()).isBefore(today)) {
			return false;
		}
		int added = this.jdbc.sql("INSERT IGNORE INTO mail_click (mail_id, clicked_at) VALUES (?, ?)")
			.params(click.mailId(), Timestamp.from(now))
			.update();
		if (added == 1) {
			this.counts.addNow(click.sentDay(), Metric.MAIL_CLICKED, click.channel());
		}
		return added == 1;
	}

	@Scheduled(fixedDelayString = "${rapport.engagement.click-purge-interval:1h}",
			initialDelayString = "${rapport.engagement.click-purge-interval:1h}")
	void scheduledPurge() {
		try {
			purge();
		}
		catch (DataAccessException ex) {
			// tried again at the next interval
		}
	}

	/**
	 * Forgets the clicks older than the window; idempotent, so every node may run it.
	 * @return how many rows were deleted
	 */
	int purge() {
		return this.jdbc.sql("DELETE FROM mail_click WHERE clicked_at < ? LIMIT 10000")
			.param(Timestamp.from(this.clock.instant().minus(WINDOW).minus(Duration.ofDays(1))))
			.update();
	}

	/**
	 * Whether a link may lead there: a path on the portal itself, never another host
	 * ({@code //host}, {@code /\host}), no control characters, at most 300 characters.
	 */
	static boolean isPortalPath(String path) {
		if (path == null || path.isEmpty() || path.length() > MAX_PATH || path.charAt(0) != '/') {
			return false;
		}
		if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
			return false;
		}
		return path.chars().noneMatch((c) -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c));
	}

	private static String payload(String path, String channel, String mailId, String day) {
		return channel + "\n" + mailId + "\n" + day + "\n" + path;
	}

	/**
	 * A verified click.
	 *
	 * @param path where it leads
	 * @param channel the mail's channel
	 * @param mailId the mail
	 * @param sentDay the day the mail was sent
	 */
	record Click(String path, String channel, String mailId, LocalDate sentDay) {
	}

}

package com.rapport.community.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PostScreening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Screens every post and every edit before it is published, in the author's transaction:
 * rate limits (refused, with when to try again), watched words (refused, masked, held or
 * flagged), spam signals (held) and new members' first posts (held for approval).
 * Moderators and staff are not screened.
 */
@Component
class ReviewScreening implements PostScreening {

	private static final char MASK = '■';

	private final JdbcClient jdbc;

	private final ReviewSettings settings;

	private final RateLimits limits;

	private final WatchedWords watchedWords;

	private final ReviewItems items;

	private final Clock clock;

	ReviewScreening(JdbcClient jdbc, ReviewSettings settings, RateLimits limits, WatchedWords watchedWords,
			ReviewItems items, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.limits = limits;
		this.watchedWords = watchedWords;
		this.items = items;
		this.clock = clock;
	}

	@Override
	public Screened screen(Viewer author, Draft draft) {
		if (author.isModerator()) {
			return Screened.publish(draft);
		}
		int trustLevel = this.jdbc.sql("SELECT trust_level FROM member WHERE id = ? FOR UPDATE")
			.param(author.memberId())
			.query(Integer.class)
			.single();
		String field = draft.newTopic() ? "title" : "body";
		this.limits.check(author.memberId(), trustLevel, RateLimits.Action.POST, field);
		if (draft.newTopic()) {
			this.limits.check(author.memberId(), trustLevel, RateLimits.Action.TOPIC, field);
		}
		WatchedWordMatcher matcher = this.watchedWords.matcher();
		List<WatchedWordMatcher.Match> inBody = matcher.find(draft.body());
		List<WatchedWordMatcher.Match> inTitle = matcher.find(draft.title());
		WatchedAction strictest = strictest(inBody, inTitle);
		if (strictest == WatchedAction.BLOCK) {
			throw new RejectedException(field, "review.watched.blocked");
		}
		String body = masked(draft.body(), inBody);
		String title = masked(draft.title(), inTitle);
		String fingerprint = fingerprint(body);
		List<String> holdReasons = new ArrayList<>();
		ReviewKind kind = null;
		if (strictest == WatchedAction.REQUIRE_APPROVAL) {
			kind = ReviewKind.WATCHED_WORD;
			holdReasons.addAll(words(WatchedAction.REQUIRE_APPROVAL, inBody, inTitle));
		}
		int maxLinks = maxLinks(trustLevel);
		if (maxLinks >= 0 && links(body) > maxLinks) {
			kind = (kind != null) ? kind : ReviewKind.SPAM;
			holdReasons.add("spam:links");
		}
		if (!draft.edit() && this.limits.sameTextToday(author.memberId(), fingerprint) >= this.settings
			.get(Setting.SAME_TEXT_PER_DAY)) {
			kind = (kind != null) ? kind : ReviewKind.SPAM;
			holdReasons.add("spam:same-text");
		}
		if (!draft.edit() && trustLevel == 0
				&& publishedPosts(author.memberId()) < this.settings.get(Setting.NEW_MEMBER_APPROVALS)) {
			kind = (kind != null) ? kind : ReviewKind.APPROVAL;
			holdReasons.add("new-member");
		}
		// an edit counts against posts per minute but not as a text posted again
		this.limits.record(author.memberId(), RateLimits.Action.POST, draft.edit() ? null : fingerprint);
		if (draft.newTopic()) {
			this.limits.record(author.memberId(), RateLimits.Action.TOPIC, null);
		}
		if (kind != null) {
			if (draft.edit()) {
				holdReasons.add(0, "edit");
			}
			long queued = hold(author.memberId(), draft, title, body);
			this.items.held(kind, queued, author.memberId(), draft.categoryId(), draft.topicId(), holdReasons);
			return new Screened(body, title, queued, List.of());
		}
		return new Screened(body, title, null, words(WatchedAction.FLAG, inBody, inTitle));
	}

	@Override
	public void published(Viewer author, long postId, Screened screened) {
		if (screened.flagReasons().isEmpty()) {
			return;
		}
		var post = this.jdbc
			.sql("SELECT p.topic_id, t.category_id FROM post p JOIN topic t ON t.id = p.topic_id " + "WHERE p.id = ?")
			.param(postId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long itemId = 0;
		for (String reason : screened.flagReasons()) {
			itemId = this.items.openForPost(ReviewKind.WATCHED_WORD, postId, author.memberId(), post[1], post[0],
					reason);
		}
		this.items.score(itemId, java.math.BigDecimal.ZERO, false);
	}

	private long hold(long authorId, Draft draft, String title, String body) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO queued_post (author_id, category_id, topic_id, title, raw, reply_to_post_number,
				                         edit_of_post_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(authorId, draft.categoryId(), draft.topicId(), title, body, draft.replyToPostNumber(),
					draft.editOfPostId(), Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	private int publishedPosts(long memberId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM post WHERE author_id = ? LIMIT 100) p")
			.param(memberId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Links a member may post: trust level 0 the setting, 1 three times that, above no
	 * limit (-1).
	 */
	private int maxLinks(int trustLevel) {
		int base = this.settings.get(Setting.NEW_MEMBER_LINKS);
		return switch (trustLevel) {
			case 0 -> base;
			case 1 -> base * 3;
			default -> -1;
		};
	}

	/** Counts web addresses: "http://", "https://" and "www." starts. */
	static int links(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		int count = 0;
		for (int i = 0; i < lower.length(); i++) {
			if (lower.startsWith("http://", i) || lower.startsWith("https://", i)) {
				count++;
				i += 7;
			}
			else if (lower.startsWith("www.", i) && (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1))
					&& lower.charAt(i - 1) != '/' && lower.charAt(i - 1) != '.')) {
				count++;
				i += 3;
			}
		}
		return count;
	}

	private static WatchedAction strictest(List<WatchedWordMatcher.Match> a, List<WatchedWordMatcher.Match> b) {
		WatchedAction strictest = null;
		for (List<WatchedWordMatcher.Match> matches : List.of(a, b)) {
			for (WatchedWordMatcher.Match match : matches) {
				WatchedAction action = match.word().action();
				if (strictest == null || action.compareTo(strictest) > 0) {
					strictest = action;
				}
			}
		}
		return strictest;
	}

	private static List<String> words(WatchedAction action, List<WatchedWordMatcher.Match> a,
			List<WatchedWordMatcher.Match> b) {
		List<String> reasons = new ArrayList<>();
		for (List<WatchedWordMatcher.Match> matches : List.of(a, b)) {
			for (WatchedWordMatcher.Match match : matches) {
				String reason = "word:" + match.word().pattern();
				if (match.word().action() == action && !reasons.contains(reason)) {
					reasons.add(reason);
				}
			}
		}
		return reasons;
	}

	static String masked(String text, List<WatchedWordMatcher.Match> matches) {
		if (text == null) {
			return null;
		}
		char[] chars = null;
		for (WatchedWordMatcher.Match match : matches) {
			if (match.word().action() == WatchedAction.CENSOR) {
				chars = (chars != null) ? chars : text.toCharArray();
				for (int i = match.start(); i < match.end(); i++) {
					if (!Character.isWhitespace(chars[i])) {
						chars[i] = MASK;
					}
				}
			}
		}
		return (chars != null) ? new String(chars) : text;
	}

	/** SHA-256 of the text, lower-cased and with runs of white space made one. */
	static String fingerprint(String text) {
		StringBuilder normal = new StringBuilder();
		boolean space = false;
		for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isWhitespace(c)) {
				space = normal.length() > 0;
				continue;
			}
			if (space) {
				normal.append(' ');
				space = false;
			}
			normal.append(c);
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(normal.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

package com.rapport.community.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watched words staff keep, and the automaton built from them. Each node keeps its
 * own automaton and rebuilds it when the list in the database changed (its size or newest
 * id differ), so a change made on one node applies on all at their next post.
 */
@Service
public class WatchedWords {

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Compiled compiled = new Compiled(-1, -1, WatchedWordMatcher.of(List.of()));

	private final AuditLog audit;

	WatchedWords(JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return every watched word, alphabetically
	 */
	public List<WatchedWord> list() {
		return this.jdbc.sql("SELECT id, pattern, action FROM watched_word ORDER BY pattern")
			.query((rs, n) -> new WatchedWord(rs.getLong(1), rs.getString(2), WatchedAction.valueOf(rs.getString(3))))
			.list();
	}

	/**
	 * Adds a word. Staff only.
	 * @param viewer who
	 * @param pattern the word or phrase, optionally with {@code *} at its start or end
	 * @param action what happens to posts containing it
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void add(Viewer viewer, String pattern, WatchedAction action) {
		String normalized = WatchedWordMatcher.normalize(pattern);
		if (normalized == null) {
			throw new RejectedException("pattern", "review.words.invalid");
		}
		if (action == null) {
			throw new RejectedException("action", "review.words.actionRequired");
		}
		var keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("INSERT INTO watched_word (pattern, action, created_by, created_at) VALUES (?, ?, ?, ?)")
				.params(normalized, action.name(), viewer.memberId(), Timestamp.from(this.clock.instant()))
				.update(keys);
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("pattern", "review.words.duplicate");
		}
		this.audit.record(viewer, "watched-word.add",
				new AuditTarget("WATCHED_WORD", keys.getKeyAs(Number.class).longValue(), normalized, null), null, null,
				action.name());
	}

	/**
	 * Removes a word. Staff only.
	 * @param viewer who
	 * @param id the word
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void remove(Viewer viewer, long id) {
		this.jdbc.sql("SELECT pattern, action FROM watched_word WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.ifPresent((word) -> {
				this.jdbc.sql("DELETE FROM watched_word WHERE id = ?").param(id).update();
				this.audit.record(viewer, "watched-word.remove", new AuditTarget("WATCHED_WORD", id, word[0], null),
						null, word[1], null);
			});
	}

	/**
	 * @return the automaton for the current list
	 */
	public WatchedWordMatcher matcher() {
		long[] version = this.jdbc.sql("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM watched_word")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		Compiled current = this.compiled;
		if (current.count() != version[0] || current.maxId() != version[1]) {
			current = new Compiled(version[0], version[1], WatchedWordMatcher.of(list()));
			this.compiled = current;
		}
		return current.matcher();
	}

	private record Compiled(long count, long maxId, WatchedWordMatcher matcher) {
	}

}

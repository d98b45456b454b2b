package com.rapport.community.listening;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.AuditTarget;
import com.rapport.community.review.WatchedWord;
import com.rapport.community.review.WatchedWordMatcher;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terms staff watch, and the matcher built from them. A term is literal text (no
 * pattern, no regular expression), matched case-insensitively by the moderation's
 * Aho–Corasick matcher: at word boundaries in space-separated scripts, anywhere in
 * Chinese. Each node keeps its matcher and rebuilds it when the list in the database
 * changed (its size or newest id differ), so a term added on one node is counted on all
 * at their next post.
 */
@Service
public class WatchTerms {

	/** The longest term accepted, in characters. */
	public static final int MAX_TERM = WatchedWordMatcher.MAX_PATTERN;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	private volatile Compiled compiled = new Compiled(-1, -1, WatchedWordMatcher.of(List.of()));

	WatchTerms(JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Every watched term, alphabetically.
	 * @param viewer a staff member
	 * @return the terms
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<WatchTerm> list(Viewer viewer) {
		requireStaff(viewer);
		return all();
	}

	/**
	 * Adds a term; the content written before is counted by the backfill job.
	 * @param viewer a staff member
	 * @param input the term as entered
	 * @return the new term's id
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public long add(Viewer viewer, String input) {
		requireStaff(viewer);
		String term = normalize(input);
		if (term == null) {
			throw new RejectedException("term", "listen.term.invalid");
		}
		var keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("INSERT INTO watch_term (term, created_by, created_at) VALUES (?, ?, ?)")
				.params(term, viewer.memberId(), Timestamp.from(this.clock.instant()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException("term", "listen.term.duplicate");
		}
		long id = keys.getKeyAs(Number.class).longValue();
		this.audit.record(viewer, "watch-term.add", new AuditTarget("WATCH_TERM", id, term, null), null, null, null);
		return id;
	}

	/**
	 * Stops watching a term; its counts go with it.
	 * @param viewer a staff member
	 * @param id the term
	 * @return whether it existed
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public boolean remove(Viewer viewer, long id) {
		requireStaff(viewer);
		String term = this.jdbc.sql("SELECT term FROM watch_term WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		if (term == null) {
			return false;
		}
		this.jdbc.sql("DELETE FROM watch_term WHERE id = ?").param(id).update();
		this.audit.record(viewer, "watch-term.remove", new AuditTarget("WATCH_TERM", id, term, null), null, null, null);
		return true;
	}

	/**
	 * The term of that id, for staff.
	 * @param viewer a staff member
	 * @param id the term
	 * @return the term, or null when there is none
	 */
	@PreAuthorize("hasRole('STAFF')")
	public WatchTerm find(Viewer viewer, long id) {
		requireStaff(viewer);
		return this.jdbc.sql("SELECT id, term, created_at, backfilled_at FROM watch_term WHERE id = ?")
			.param(id)
			.query((rs, n) -> new WatchTerm(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) != null))
			.optional()
			.orElse(null);
	}

	/**
	 * The form a term is stored in, or null when it is not acceptable: case-folded,
	 * spaces collapsed, 1 to {@link #MAX_TERM} characters (at least two unless Chinese or
	 * Japanese), no {@code *} (terms are literal).
	 * @param input what staff entered
	 * @return the term or null
	 */
	public static String normalize(String input) {
		if (input == null || input.indexOf('*') >= 0) {
			return null;
		}
		return WatchedWordMatcher.normalize(input);
	}

	List<WatchTerm> all() {
		return this.jdbc.sql("SELECT id, term, created_at, backfilled_at FROM watch_term ORDER BY term")
			.query((rs, n) -> new WatchTerm(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) != null))
			.list();
	}

	/**
	 * The matcher of the current terms, rebuilt when the list changed.
	 */
	WatchedWordMatcher matcher() {
		long[] state = this.jdbc.sql("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM watch_term")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		Compiled current = this.compiled;
		if (current.count() != state[0] || current.maxId() != state[1]) {
			current = new Compiled(state[0], state[1], matcherOf(all()));
			this.compiled = current;
		}
		return current.matcher();
	}

	static WatchedWordMatcher matcherOf(List<WatchTerm> terms) {
		return WatchedWordMatcher.of(terms.stream().map((t) -> new WatchedWord(t.id(), t.term(), null)).toList());
	}

	private static void requireStaff(Viewer viewer) {
		if (viewer == null || !viewer.isStaff()) {
			throw new AccessDeniedException("Staff only");
		}
	}

	private record Compiled(long count, long maxId, WatchedWordMatcher matcher) {
	}

}

package com.rapport.community.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after too many failed logins for one username or email
 * within a window, further attempts are refused until the window has passed. Kept in the
 * database so the limit holds across app nodes.
 */
@Service
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${rapport.login.max-failures:5}") int maxFailures,
			@Value("${rapport.login.lock-window:15m}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
	}

	/**
	 * When the login may be tried again, if it is locked now.
	 * @param login the username or email typed
	 * @return the instant the lock ends, or empty when not locked
	 */
	public Optional<Instant> lockedUntil(String login) {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.window);
		var failures = this.jdbc.sql(
				"SELECT failed_at FROM login_failure WHERE login = ? AND failed_at > ? ORDER BY failed_at DESC LIMIT ?")
			.params(normalise(login), Timestamp.from(since), this.maxFailures)
			.query(Timestamp.class)
			.list();
		if (failures.size() < this.maxFailures) {
			return Optional.empty();
		}
		return Optional.of(failures.get(0).toInstant().plus(this.window));
	}

	@Transactional
	public void recordFailure(String login) {
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO login_failure (login, failed_at) VALUES (?, ?)")
			.params(normalise(login), Timestamp.from(now))
			.update();
		this.jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?")
			.param(Timestamp.from(now.minus(this.window.multipliedBy(4))))
			.update();
	}

	@Transactional
	public void recordSuccess(String login) {
		this.jdbc.sql("DELETE FROM login_failure WHERE login = ?").param(normalise(login)).update();
	}

	private static String normalise(String login) {
		String value = (login != null) ? login.strip().toLowerCase(Locale.ROOT) : "";
		return (value.length() > 254) ? value.substring(0, 254) : value;
	}

}

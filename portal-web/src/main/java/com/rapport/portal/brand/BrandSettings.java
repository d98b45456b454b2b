package com.rapport.portal.brand;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the brand. The brand shows on every page, so it is cached for a few
 * seconds; another node's change shows here within that time.
 */
@Service
public class BrandSettings {

	private static final Duration CACHE_FOR = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Cached cached;

	BrandSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Brand current() {
		Cached snapshot = this.cached;
		Instant now = this.clock.instant();
		if (snapshot == null || snapshot.loadedAt().plus(CACHE_FOR).isBefore(now)) {
			snapshot = new Cached(load(), now);
			this.cached = snapshot;
		}
		return snapshot.brand();
	}

	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void update(String name, String accentColor) {
		this.jdbc.sql("UPDATE brand SET name = ?, accent_color = ?, updated_at = ?, version = version + 1 WHERE id = 1")
			.params(name, accentColor, Timestamp.from(this.clock.instant()))
			.update();
		this.cached = null;
	}

	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void updateLogo(byte[] bytes, String contentType) {
		this.jdbc
			.sql("UPDATE brand SET logo = ?, logo_content_type = ?, updated_at = ?, version = version + 1 WHERE id = 1")
			.params(bytes, contentType, Timestamp.from(this.clock.instant()))
			.update();
		this.cached = null;
	}

	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void removeLogo() {
		this.jdbc
			.sql("UPDATE brand SET logo = NULL, logo_content_type = NULL, updated_at = ?, version = version + 1 "
					+ "WHERE id = 1")
			.param(Timestamp.from(this.clock.instant()))
			.update();
		this.cached = null;
	}

	Optional<Logo> logo() {
		return this.jdbc.sql("SELECT logo, logo_content_type FROM brand WHERE id = 1 AND logo IS NOT NULL")
			.query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	private Brand load() {
		return this.jdbc.sql("SELECT name, accent_color, logo IS NOT NULL, version FROM brand WHERE id = 1")
			.query((rs, n) -> new Brand(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)))
			.single();
	}

	private record Cached(Brand brand, Instant loadedAt) {
	}

}

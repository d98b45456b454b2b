package com.rapport.survey.annotation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.rapport.survey.survey.SurveyRejectedException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Staff's events on the timeline: added and removed by staff, read by every trend chart
 * for the days it shows.
 */
@Service
public class Annotations {

	/** The longest label. */
	public static final int LABEL_MAX = 120;

	private static final int LIST_MAX = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	Annotations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The events of a span of days, oldest first.
	 * @param from the first day
	 * @param to the last day
	 * @return the events
	 */
	public List<Annotation> between(LocalDate from, LocalDate to) {
		return this.jdbc.sql("SELECT id, day, kind, label FROM annotation WHERE day BETWEEN ? AND ? ORDER BY day, id")
			.params(from, to)
			.query((rs, n) -> new Annotation(rs.getLong(1), rs.getObject(2, LocalDate.class),
					Annotation.Kind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/**
	 * The latest events, newest first, for staff to manage.
	 * @return up to 200 events
	 */
	@PreAuthorize("hasRole('STAFF')")
	public List<Annotation> latest() {
		return this.jdbc.sql("SELECT id, day, kind, label FROM annotation ORDER BY day DESC, id DESC LIMIT ?")
			.param(LIST_MAX)
			.query((rs, n) -> new Annotation(rs.getLong(1), rs.getObject(2, LocalDate.class),
					Annotation.Kind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/**
	 * Marks an event.
	 * @param day the day
	 * @param kind the kind
	 * @param label what happened
	 * @param staffMemberId who marks it
	 * @return its id
	 * @throws SurveyRejectedException {@code annotation.error.day}, {@code .kind} or
	 * {@code .label} when a field is missing or too long
	 */
	@PreAuthorize("hasRole('STAFF')")
	public long add(LocalDate day, Annotation.Kind kind, String label, long staffMemberId) {
		if (day == null) {
			throw new SurveyRejectedException("annotation.error.day");
		}
		if (kind == null) {
			throw new SurveyRejectedException("annotation.error.kind");
		}
		String text = (label != null) ? label.strip() : "";
		if (text.isEmpty() || text.codePointCount(0, text.length()) > LABEL_MAX) {
			throw new SurveyRejectedException("annotation.error.label");
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO annotation (day, kind, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(day, kind.name(), text, staffMemberId, Timestamp.from(this.clock.instant()))
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Removes an event.
	 * @param id the event
	 * @return whether it existed
	 */
	@PreAuthorize("hasRole('STAFF')")
	public boolean remove(long id) {
		return this.jdbc.sql("DELETE FROM annotation WHERE id = ?").param(id).update() > 0;
	}

}

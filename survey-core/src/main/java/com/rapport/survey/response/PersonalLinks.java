package com.rapport.survey.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use personal links for an email campaign. A link's token is its id signed with
 * the installation's secret, so it cannot be guessed or altered; the database records its
 * use.
 */
@Service
public class PersonalLinks {

	/** The most links made at once. */
	public static final int MAX_BATCH = 10_000;

	private final JdbcClient jdbc;

	private final SurveySecrets secrets;

	private final Clock clock;

	PersonalLinks(JdbcClient jdbc, SurveySecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Makes new links.
	 * @param surveyId the survey
	 * @param count how many
	 * @return their tokens
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public List<String> create(long surveyId, int count) {
		if (count < 1 || count > MAX_BATCH) {
			throw new com.rapport.survey.survey.SurveyRejectedException("survey.error.linkCount");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> tokens = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			var keys = new GeneratedKeyHolder();
			this.jdbc.sql("INSERT INTO survey_personal_link (survey_id, created_at) VALUES (?, ?)")
				.params(surveyId, now)
				.update(keys);
			tokens.add(token(surveyId, keys.getKeyAs(Number.class).longValue()));
		}
		return tokens;
	}

	/**
	 * The link a token stands for, when the signature holds.
	 * @param surveyId the survey of the page
	 * @param token the token from the link
	 * @return the link's id, empty when tampered with or made for another survey
	 */
	public Optional<Long> verify(long surveyId, String token) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot <= 0 || token.length() > 100) {
			return Optional.empty();
		}
		try {
			long id = Long.parseLong(token.substring(0, dot));
			return this.secrets.verify(surveyId + ":" + id, token.substring(dot + 1)) ? Optional.of(id)
					: Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a link was already answered.
	 * @param linkId the link
	 * @return true when used
	 */
	public boolean isUsed(long linkId) {
		return this.jdbc.sql("SELECT used_at IS NOT NULL FROM survey_personal_link WHERE id = ?")
			.param(linkId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	private String token(long surveyId, long linkId) {
		return linkId + "." + this.secrets.sign(surveyId + ":" + linkId);
	}

}

package com.rapport.survey.display;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.rapport.survey.results.SurveyRollups;
import com.rapport.survey.survey.Survey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether the portal shows a survey to a respondent, so nobody is asked too
 * often. Sampling is a hash of respondent and survey, so the same respondent is always in
 * or always out, however often they come. Answering or dismissing a survey starts two
 * waits: the global one (no survey at all) and the survey's own. The budget lives in the
 * database, keyed by the hashed respondent id, so it holds on every channel and node.
 * <p>
 * Context suppression (a member with an open follow-up, or who recently wrote a negative
 * post) applies where the member is known: {@link SuppressionCheck} beans the forums
 * provide are asked, so this package still knows nothing of them.
 */
@Service
public class DisplayRules {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration globalWait;

	private final SurveyRollups rollups;

	private final List<SuppressionCheck> suppressions;

	DisplayRules(JdbcClient jdbc, Clock clock, @Value("${rapport.survey.recontact-days:30}") int globalWaitDays,
			SurveyRollups rollups, List<SuppressionCheck> suppressions) {
		this.suppressions = List.copyOf(suppressions);
		this.jdbc = jdbc;
		this.clock = clock;
		this.globalWait = Duration.ofDays(globalWaitDays);
		this.rollups = rollups;
	}

	/**
	 * Whether the respondent may be asked this survey now.
	 * @param survey the survey
	 * @param respondentHash the hashed respondent id
	 * @return the decision
	 */
	public Decision decide(Survey survey, String respondentHash) {
		return decide(survey, respondentHash, null);
	}

	/**
	 * Whether the respondent may be asked this survey now; a known member is also left
	 * alone while their context suppresses surveys (see {@link SuppressionCheck}).
	 * @param survey the survey
	 * @param respondentHash the hashed respondent id
	 * @param memberId the member, or null when the respondent is not a known member
	 * @return the decision
	 */
	public Decision decide(Survey survey, String respondentHash, Long memberId) {
		Instant now = this.clock.instant();
		if (!survey.isOpenAt(now)) {
			return Decision.CLOSED;
		}
		if (!isSampled(respondentHash, survey.id(), survey.settings().samplingPercent())) {
			return Decision.NOT_SAMPLED;
		}
		if (memberId != null && isSuppressed(memberId)) {
			return Decision.SUPPRESSED;
		}
		List<Contact> contacts = this.jdbc
			.sql("SELECT survey_id, answered_at, dismissed_at FROM survey_contact WHERE respondent_hash = ?")
			.param(respondentHash)
			.query((rs, n) -> new Contact(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
			.list();
		for (Contact contact : contacts) {
			if (contact.surveyId() == survey.id() && contact.answeredAt() != null
					&& survey.settings().oncePerRespondent()) {
				return Decision.ALREADY_ANSWERED;
			}
			Instant last = contact.last();
			if (last == null) {
				continue;
			}
			if (last.plus(this.globalWait).isAfter(now)) {
				return Decision.RECONTACT_WAIT;
			}
			Integer own = survey.settings().recontactDays();
			if (contact.surveyId() == survey.id() && own != null && last.plus(Duration.ofDays(own)).isAfter(now)) {
				return Decision.RECONTACT_WAIT;
			}
		}
		return Decision.SHOW;
	}

	/**
	 * Whether a member's context keeps them from being surveyed now (an open follow-up, a
	 * recent negative post, whatever the forums report).
	 * @param memberId the member
	 * @return true to leave them alone
	 */
	public boolean isSuppressed(long memberId) {
		return this.suppressions.stream().anyMatch((check) -> check.suppresses(memberId));
	}

	/**
	 * Of several eligible surveys, the one to show: the highest priority that the rules
	 * allow.
	 * @param candidates the surveys
	 * @param respondentHash the hashed respondent id
	 * @return the survey to show, if any
	 */
	public Optional<Survey> pick(List<Survey> candidates, String respondentHash) {
		return candidates.stream()
			.sorted(Comparator.comparingInt((Survey s) -> s.settings().priority()).reversed())
			.filter((s) -> decide(s, respondentHash) == Decision.SHOW)
			.findFirst();
	}

	/**
	 * Records that a survey was shown to the respondent.
	 * @param surveyId the survey
	 * @param respondentHash the hashed respondent id
	 */
	@Transactional
	public void shown(long surveyId, String respondentHash) {
		this.jdbc
			.sql("INSERT INTO survey_contact (respondent_hash, survey_id, shown_at) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE shown_at = VALUES(shown_at)")
			.params(respondentHash, surveyId, Timestamp.from(this.clock.instant()))
			.update();
		this.rollups.shown(surveyId);
	}

	/**
	 * Records that the respondent closed the survey without answering: it counts as a
	 * contact for the recontact waits.
	 * @param surveyId the survey
	 * @param respondentHash the hashed respondent id
	 */
	@Transactional
	public void dismissed(long surveyId, String respondentHash) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("INSERT INTO survey_contact (respondent_hash, survey_id, shown_at, dismissed_at) VALUES (?, ?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE dismissed_at = VALUES(dismissed_at)")
			.params(respondentHash, surveyId, now, now)
			.update();
	}

	/**
	 * Whether a respondent falls in a survey's sample: the same answer every time.
	 * @param respondentHash the hashed respondent id
	 * @param surveyId the survey
	 * @param percent the share sampled, 0 to 100
	 * @return true when sampled
	 */
	public static boolean isSampled(String respondentHash, long surveyId, int percent) {
		if (percent >= 100) {
			return true;
		}
		if (percent <= 0) {
			return false;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((respondentHash + ":" + surveyId).getBytes(StandardCharsets.UTF_8));
			int bucket = (((digest[0] & 0xff) << 8) | (digest[1] & 0xff)) % 100;
			return bucket < percent;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Why a survey is or is not shown.
	 */
	public enum Decision {

		SHOW, CLOSED, NOT_SAMPLED, SUPPRESSED, ALREADY_ANSWERED, RECONTACT_WAIT

	}

	private record Contact(long surveyId, Instant answeredAt, Instant dismissedAt) {

		Instant last() {
			if (this.answeredAt == null) {
				return this.dismissedAt;
			}
			if (this.dismissedAt == null) {
				return this.answeredAt;
			}
			return this.answeredAt.isAfter(this.dismissedAt) ? this.answeredAt : this.dismissedAt;
		}

	}

}

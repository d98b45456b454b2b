package com.rapport.survey.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.db.cluster.RunOnce;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting survey data: everything of one respondent on request (privacy), and responses
 * older than their survey's retention period, every night.
 */
@Service
public class RespondentData {

	private static final Logger log = LoggerFactory.getLogger(RespondentData.class);

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final SurveySecrets secrets;

	private final MemberRespondents memberRespondents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RespondentData(JdbcClient jdbc, SurveySecrets secrets, MemberRespondents memberRespondents,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.memberRespondents = memberRespondents;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Deletes every response, answer and contact record of a member.
	 * @param memberId the member
	 * @return the responses deleted
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public int deleteMember(long memberId) {
		this.jdbc.sql("DELETE FROM survey_invitation WHERE member_id = ?").param(memberId).update();
		return deleteHash(this.memberRespondents.hashOf(memberId));
	}

	/**
	 * Deletes every response, answer and contact record of a member who is deleting their
	 * own account: the caller has checked that the member is who they say (their
	 * password), which is why staff rights are not asked for.
	 * @param memberId the member
	 * @return the responses deleted
	 */
	@Transactional
	public int deleteOwnData(long memberId) {
		this.jdbc.sql("DELETE FROM survey_invitation WHERE member_id = ?").param(memberId).update();
		return deleteHash(this.memberRespondents.hashOf(memberId));
	}

	/**
	 * Deletes every response, answer and contact record of a respondent id given by a
	 * host page ({@code data-respondent}).
	 * @param respondentId the id as the host page passed it
	 * @return the responses deleted
	 */
	@Transactional
	@PreAuthorize("hasRole('STAFF')")
	public int deleteRespondent(String respondentId) {
		return deleteHash(this.secrets.hashRespondent("r:" + respondentId));
	}

	private int deleteHash(String hash) {
		this.jdbc
			.sql("DELETE FROM survey_webhook_delivery WHERE response_id IN "
					+ "(SELECT id FROM survey_response WHERE respondent_hash = ?)")
			.param(hash)
			.update();
		List<Long> surveys = this.jdbc
			.sql("SELECT DISTINCT survey_id FROM survey_response WHERE respondent_hash = ? AND status = 'COMPLETE'")
			.param(hash)
			.query(Long.class)
			.list();
		int deleted = this.jdbc.sql("DELETE FROM survey_response WHERE respondent_hash = ?").param(hash).update();
		this.jdbc.sql("DELETE FROM survey_contact WHERE respondent_hash = ?").param(hash).update();
		surveys.forEach(this::recount);
		this.memberRespondents.forget(hash);
		this.events.publishEvent(new RespondentDeleted(hash));
		return deleted;
	}

	/**
	 * Deletes the responses older than their survey's retention period, in batches.
	 * @return how many were deleted
	 */
	/** The nightly retention run, on one node of the cluster. */
	@Scheduled(cron = "${rapport.survey.retention-cron:0 30 3 * * *}")
	@RunOnce(value = "survey-retention", every = "1h", lockAtMostFor = "2h")
	public void scheduledPurge() {
		purgeExpired();
	}

	public int purgeExpired() {
		List<long[]> surveys = this.jdbc.sql("SELECT id, retention_days FROM survey WHERE retention_days IS NOT NULL")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		int total = 0;
		for (long[] survey : surveys) {
			Timestamp cutoff = Timestamp.from(this.clock.instant().minus(Duration.ofDays(survey[1])));
			int deleted;
			do {
				this.jdbc
					.sql("DELETE FROM survey_webhook_delivery WHERE response_id IN (SELECT id FROM (SELECT id FROM "
							+ "survey_response WHERE survey_id = ? AND started_at < ? LIMIT " + BATCH + ") old)")
					.params(survey[0], cutoff)
					.update();
				deleted = this.jdbc
					.sql("DELETE FROM survey_response WHERE survey_id = ? AND started_at < ? LIMIT " + BATCH)
					.params(survey[0], cutoff)
					.update();
				total += deleted;
			}
			while (deleted == BATCH);
			recount(survey[0]);
		}
		if (total > 0) {
			log.info("Deleted {} survey responses past their retention period", total);
		}
		return total;
	}

	private void recount(long surveyId) {
		this.jdbc
			.sql("UPDATE survey SET response_count = (SELECT COUNT(*) FROM survey_response "
					+ "WHERE survey_id = ? AND status = 'COMPLETE' AND counted) WHERE id = ?")
			.params(surveyId, surveyId)
			.update();
	}

}

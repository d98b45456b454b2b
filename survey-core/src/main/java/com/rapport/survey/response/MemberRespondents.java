package com.rapport.survey.response;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A member's respondent id, and the way back from it: responses store only a keyed hash
 * of who answered, and closing the loop with a member needs to know which member it was.
 * The pair is recorded when a member starts answering, and forgotten with the member's
 * other survey data.
 */
@Service
public class MemberRespondents {

	private final JdbcClient jdbc;

	private final SurveySecrets secrets;

	MemberRespondents(JdbcClient jdbc, SurveySecrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/**
	 * The hashed respondent id of a member.
	 * @param memberId the member
	 * @return 64 hex digits
	 */
	public String hashOf(long memberId) {
		return this.secrets.hashRespondent("m:" + memberId);
	}

	/**
	 * The hashed respondent id of a member who is about to answer, remembering which
	 * member it belongs to (only answering needs the way back, so only answering writes).
	 * @param memberId the member
	 * @return 64 hex digits
	 */
	public String hashFor(long memberId) {
		String hash = hashOf(memberId);
		this.jdbc.sql("INSERT IGNORE INTO survey_member_respondent (respondent_hash, member_id) VALUES (?, ?)")
			.params(hash, memberId)
			.update();
		return hash;
	}

	/**
	 * The member a hashed respondent id belongs to.
	 * @param respondentHash the hash stored with a response
	 * @return the member, or empty for an anonymous respondent or one of a host page
	 */
	public Optional<Long> memberOf(String respondentHash) {
		if (respondentHash == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT member_id FROM survey_member_respondent WHERE respondent_hash = ?")
			.param(respondentHash)
			.query(Long.class)
			.optional();
	}

	void forget(String respondentHash) {
		this.jdbc.sql("DELETE FROM survey_member_respondent WHERE respondent_hash = ?").param(respondentHash).update();
	}

}

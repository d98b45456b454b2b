package com.rapport.survey.response;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
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

	/**
	 * The members several hashed respondent ids belong to, in one query.
	 * @param respondentHashes the hashes stored with responses (nulls are skipped)
	 * @return the member of each hash that belongs to one
	 */
	public Map<String, Long> membersOf(Collection<String> respondentHashes) {
		Map<String, Long> members = new HashMap<>();
		List<String> hashes = respondentHashes.stream().filter(Objects::nonNull).distinct().toList();
		if (hashes.isEmpty()) {
			return members;
		}
		this.jdbc.sql("SELECT respondent_hash, member_id FROM survey_member_respondent WHERE respondent_hash IN (:h)")
			.param("h", hashes)
			.query((RowCallbackHandler) (rs) -> members.put(rs.getString(1), rs.getLong(2)));
		return members;
	}

	void forget(String respondentHash) {
		this.jdbc.sql("DELETE FROM survey_member_respondent WHERE respondent_hash = ?").param(respondentHash).update();
	}

}

package com.rapport.community.followup;

import com.rapport.survey.display.SuppressionCheck;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member whom staff still owe an answer (a follow-up that is open or contacted, not yet
 * resolved or set aside) is not surveyed: they are waiting for us, not the other way
 * round. {@code rapport.survey.suppress-with-open-follow-up} (default true) turns it off.
 */
@Component
class OpenFollowUp implements SuppressionCheck {

	private final JdbcClient jdbc;

	private final boolean enabled;

	OpenFollowUp(JdbcClient jdbc, @Value("${rapport.survey.suppress-with-open-follow-up:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	@Override
	public boolean suppresses(long memberId) {
		if (!this.enabled) {
			return false;
		}
		return this.jdbc.sql("SELECT COUNT(*) FROM follow_up WHERE member_id = ? AND status IN ('OPEN', 'CONTACTED')")
			.param(memberId)
			.query(Integer.class)
			.single() > 0;
	}

}

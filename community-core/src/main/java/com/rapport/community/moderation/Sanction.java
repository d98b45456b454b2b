package com.rapport.community.moderation;

import java.time.Instant;

/**
 * A silence or suspension of a member.
 *
 * @param id the sanction
 * @param memberId who is sanctioned
 * @param kind silence or suspension
 * @param reason why, shown to the member
 * @param startsAt since when
 * @param endsAt until when
 * @param createdBy the moderator's username
 * @param liftedAt when it was lifted early, or null
 * @param liftedBy who lifted it, or null
 */
public record Sanction(long id, long memberId, Kind kind, String reason, Instant startsAt, Instant endsAt,
		String createdBy, Instant liftedAt, String liftedBy) {

	/**
	 * @param now the time
	 * @return whether the sanction holds at that time
	 */
	public boolean activeAt(Instant now) {
		return this.liftedAt == null && !now.isBefore(this.startsAt) && now.isBefore(this.endsAt);
	}

	/**
	 * What a sanction stops.
	 */
	public enum Kind {

		/** Read-only: no topics, replies, edits, reactions or flags. */
		SILENCE,

		/** Cannot log in; sessions and remember-me logins stop working. */
		SUSPEND

	}

}

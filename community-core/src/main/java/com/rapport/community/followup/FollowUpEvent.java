package com.rapport.community.followup;

import java.time.Instant;

/**
 * One entry of a follow-up's timeline.
 *
 * @param id the entry
 * @param kind what happened
 * @param actorUsername who did it (null for the portal itself or a customer without an
 * account)
 * @param body the note, message or new value
 * @param createdAt when
 */
public record FollowUpEvent(long id, FollowUpEventKind kind, String actorUsername, String body, Instant createdAt) {
}

package com.rapport.community.review;

import com.rapport.community.moderation.Sanction;

/**
 * "… and silence / suspend the author": a sanction imposed with a review decision, for a
 * number of days, with the decision's note as the reason the member reads.
 *
 * @param kind silence or suspension
 * @param days how long
 */
public record AuthorSanction(Sanction.Kind kind, int days) {
}

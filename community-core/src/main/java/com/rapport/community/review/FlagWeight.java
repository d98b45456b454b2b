package com.rapport.community.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much a flag counts, and why: a base that grows with the flagger's trust level (a
 * moderator counts as trust level 4), times a factor from the flagger's record of flags
 * moderators agreed with, between 0.5 (never agreed) and 1.5 (always agreed). A flagger
 * without a record gets 1.0; the record is smoothed (one agreed and one not agreed are
 * added) so two lucky flags do not make anyone count as a moderator.
 *
 * @param trustLevel the flagger's trust level when flagging
 * @param moderator whether the flagger is a moderator
 * @param agreed flags of theirs moderators agreed with before
 * @param disagreed flags of theirs moderators did not agree with before
 */
public record FlagWeight(int trustLevel, boolean moderator, int agreed, int disagreed) {

	/**
	 * @return 1 + 0.5 per trust level
	 */
	public BigDecimal base() {
		int level = this.moderator ? Math.max(4, this.trustLevel) : Math.min(this.trustLevel, 4);
		return BigDecimal.ONE.add(BigDecimal.valueOf(level).multiply(new BigDecimal("0.5")))
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * @return 0.5 + (agreed + 1) / (agreed + disagreed + 2)
	 */
	public BigDecimal accuracyFactor() {
		BigDecimal accuracy = BigDecimal.valueOf(this.agreed + 1L)
			.divide(BigDecimal.valueOf(this.agreed + this.disagreed + 2L), 4, RoundingMode.HALF_UP);
		return new BigDecimal("0.5").add(accuracy).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * @return base × accuracy factor
	 */
	public BigDecimal weight() {
		return base().multiply(accuracyFactor()).setScale(2, RoundingMode.HALF_UP);
	}

}

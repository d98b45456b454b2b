package com.rapport.community.moderation;

import com.rapport.db.cluster.RunOnce;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises trust levels earned by activity, on one node of the cluster each interval
 * ({@code rapport.moderation.trust.promote-interval}, 10 minutes by default).
 */
@Component
class TrustPromotionJob {

	private final TrustLevels trustLevels;

	TrustPromotionJob(TrustLevels trustLevels) {
		this.trustLevels = trustLevels;
	}

	@Scheduled(fixedDelayString = "${rapport.moderation.trust.promote-interval:10m}")
	@RunOnce(value = "trust-promotion", every = "${rapport.moderation.trust.promote-interval:10m}")
	void promote() {
		this.trustLevels.promoteByActivity();
	}

}

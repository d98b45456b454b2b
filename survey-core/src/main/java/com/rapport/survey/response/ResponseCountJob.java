package com.rapport.survey.response;

import com.rapport.db.cluster.RunOnce;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recounts the surveys answered recently, on one node of the cluster each interval
 * ({@code rapport.survey.recount.interval}, 10 minutes), so a count left short by a
 * database outage is repaired without anyone noticing it.
 */
@Component
class ResponseCountJob {

	private final ResponseCounts counts;

	ResponseCountJob(ResponseCounts counts) {
		this.counts = counts;
	}

	@Scheduled(fixedDelayString = "${rapport.survey.recount.interval:10m}",
			initialDelayString = "${rapport.survey.recount.interval:10m}")
	@RunOnce(value = "survey-response-recount", every = "${rapport.survey.recount.interval:10m}")
	void recount() {
		this.counts.recountRecent();
	}

}

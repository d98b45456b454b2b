package com.rapport.survey.results;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The two commands of survey results, run at start-up: {@code
 * --rapport.survey.sentiment.backfill=true} scores every open-text answer that has no
 * sentiment yet, {@code --rapport.rollups.rebuild=true} recomputes the rollups from the
 * stored responses (after the backfill when both are given, so the sentiment counts
 * include the new scores). The portal then goes on as usual.
 */
@Component
class SurveyResultsRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SurveyResultsRunner.class);

	private static final int BATCH = 1000;

	private final SurveyAnswerSentiment sentiment;

	private final SurveyRollups rollups;

	private final HiddenFieldRollups hiddenFields;

	private final boolean backfill;

	private final boolean rebuild;

	SurveyResultsRunner(SurveyAnswerSentiment sentiment, SurveyRollups rollups, HiddenFieldRollups hiddenFields,
			@Value("${rapport.survey.sentiment.backfill:false}") boolean backfill,
			@Value("${rapport.rollups.rebuild:false}") boolean rebuild) {
		this.sentiment = sentiment;
		this.rollups = rollups;
		this.hiddenFields = hiddenFields;
		this.backfill = backfill;
		this.rebuild = rebuild;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.backfill) {
			long started = System.nanoTime();
			long from = 0;
			long batches = 0;
			while ((from = this.sentiment.backfill(from, BATCH)) >= 0) {
				batches++;
			}
			log.info("Survey sentiment backfill scored {} batch(es) of up to {} answers in {} ms", batches, BATCH,
					(System.nanoTime() - started) / 1_000_000);
		}
		if (this.rebuild) {
			long started = System.nanoTime();
			long read = this.rollups.rebuild();
			log.info("Survey rollups rebuilt from {} responses in {} ms", read,
					(System.nanoTime() - started) / 1_000_000);
			started = System.nanoTime();
			read = this.hiddenFields.rebuild();
			log.info("Hidden field rollups rebuilt from {} responses in {} ms", read,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

}

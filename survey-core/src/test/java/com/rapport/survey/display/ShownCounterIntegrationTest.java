package com.rapport.survey.display;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.survey.SurveyTestApplication;
import com.rapport.survey.response.RespondentDeleted;
import com.rapport.survey.results.SurveyRollups;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The surveys shown in the embedded frame are counted in memory and written in batches:
 * nothing is written while the frame is rendered, everything at the next flush, and what
 * is left when the node stops is written at shutdown.
 */
@SpringBootTest(classes = SurveyTestApplication.class, properties = "rapport.db.embedded.ephemeral=true")
class ShownCounterIntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	ShownCounter shown;

	@Autowired
	SurveyService surveys;

	@Autowired
	DisplayRules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void shownCountsAreWrittenAtTheNextFlushNotWhileTheFrameIsShown() {
		long survey = survey();
		this.shown.shown(survey, "respondent-a-" + survey);
		this.shown.shown(survey, "respondent-b-" + survey);
		this.shown.shown(survey, "respondent-a-" + survey);
		assertThat(shownCount(survey)).as("nothing written yet").isZero();
		assertThat(contacts(survey)).isZero();

		assertThat(this.shown.flush()).isPositive();
		assertThat(shownCount(survey)).isEqualTo(3);
		assertThat(contacts(survey)).as("one contact row per respondent").isEqualTo(2);
		assertThat(this.shown.flush()).as("nothing twice").isZero();
		assertThat(shownCount(survey)).isEqualTo(3);

		// a respondent shown again later keeps one row, with the later time
		this.shown.shown(survey, "respondent-a-" + survey);
		this.shown.flush();
		assertThat(shownCount(survey)).isEqualTo(4);
		assertThat(contacts(survey)).isEqualTo(2);
	}

	@Test
	void beingShownDecidesNothingWhileAnsweringOrDismissingDoesAtOnce() {
		long survey = survey();
		var found = this.surveys.findById(survey).orElseThrow();
		String who = "respondent-shown-" + survey;
		this.shown.shown(survey, who);
		assertThat(this.rules.decide(found, who)).isEqualTo(DisplayRules.Decision.SHOW);
		this.rules.dismissed(survey, who);
		assertThat(this.rules.decide(found, who)).isEqualTo(DisplayRules.Decision.RECONTACT_WAIT);
		// the flush of the shown row comes later and keeps the dismissal
		this.shown.flush();
		assertThat(this.rules.decide(found, who)).isEqualTo(DisplayRules.Decision.RECONTACT_WAIT);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM survey_contact WHERE survey_id = ? AND respondent_hash = ? "
					+ "AND dismissed_at IS NOT NULL AND shown_at IS NOT NULL")
			.params(survey, who)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRespondentDeletedMeanwhileIsNotWrittenBack() {
		long survey = survey();
		String who = "respondent-deleted-" + survey;
		this.shown.shown(survey, who);
		this.context.publishEvent(new RespondentDeleted(who));
		this.shown.flush();
		assertThat(contacts(survey)).isZero();
		assertThat(shownCount(survey)).as("the count of the funnel stays").isEqualTo(1);
	}

	@Test
	void whatIsCountedWhenTheNodeStopsIsWrittenAtShutdown() {
		long survey = survey();
		try (AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext()) {
			node.setParent(this.context);
			node.registerBean(ShownCounter.class,
					() -> new ShownCounter(this.context.getBean(JdbcClient.class),
							this.context.getBean(SurveyRollups.class),
							this.context.getBean(PlatformTransactionManager.class), this.context.getBean(Clock.class)));
			node.refresh();
			ShownCounter counter = node.getBean(ShownCounter.class);
			counter.shown(survey, "respondent-stop-1-" + survey);
			counter.shown(survey, "respondent-stop-2-" + survey);
			assertThat(shownCount(survey)).isZero();
		}
		assertThat(shownCount(survey)).isEqualTo(2);
		assertThat(contacts(survey)).isEqualTo(2);
	}

	private long survey() {
		String key = "shown-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.surveys.create(key, "Shown",
				List.of(new NewQuestion(QuestionType.NPS, true, "How likely are you to recommend us?", null, null)));
		this.surveys.publish(id);
		return id;
	}

	private long shownCount(long survey) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(answers), 0) FROM survey_rollup WHERE survey_id = ? AND question_key = '' "
					+ "AND bucket = 'shown'")
			.param(survey)
			.query(Long.class)
			.single();
	}

	private long contacts(long survey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM survey_contact WHERE survey_id = ? AND shown_at IS NOT NULL")
			.param(survey)
			.query(Long.class)
			.single();
	}

}

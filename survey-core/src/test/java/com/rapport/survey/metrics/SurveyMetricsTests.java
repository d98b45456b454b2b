package com.rapport.survey.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.survey.survey.QuestionType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurveyMetricsTests {

	/** 100 answers: 20 detractors (0–6), 30 passives (7–8), 50 promoters (9–10). */
	static ScoreCounts npsExample() {
		return ScoreCounts.of(0, 2, 2, 2, 2, 2, 5, 5, 15, 15, 25, 25);
	}

	@Test
	void npsIsPromotersMinusDetractorsWithTheMarginOfTheDifference() {
		Estimate nps = SurveyMetrics.nps(npsExample(), 30);
		assertThat(nps.n()).isEqualTo(100);
		assertThat(nps.value()).isCloseTo(30.0, within(1e-9));
		// 1.96 · √((0.5 + 0.2 − 0.3²) / 100) · 100
		assertThat(nps.margin()).isCloseTo(15.3081, within(1e-4));
		assertThat(nps.rounded()).isEqualTo(30.0);
		assertThat(nps.roundedMargin()).isEqualTo(15.3);
		assertThat(MetricDefinition.NPS.format(nps.value())).isEqualTo("30");
		assertThat(MetricDefinition.NPS.formatMargin(nps.margin())).isEqualTo("15.3");
		assertThat(nps.enough()).isTrue();
		assertThat(SurveyMetrics.npsGroups(npsExample())).containsExactly(50.0, 30.0, 20.0);
	}

	@Test
	void fewerAnswersThanTheMinimumAreNotEnoughAndNoAnswersGiveNoValue() {
		assertThat(SurveyMetrics.nps(ScoreCounts.empty(0, 10).add(10, 29), 30).enough()).isFalse();
		assertThat(SurveyMetrics.nps(ScoreCounts.empty(0, 10).add(10, 30), 30).enough()).isTrue();
		Estimate none = SurveyMetrics.nps(ScoreCounts.empty(0, 10), 30);
		assertThat(none.n()).isZero();
		assertThat(none.value()).isNaN();
		assertThat(MetricDefinition.NPS.format(none.value())).isEmpty();
	}

	@Test
	void npsRunsFromMinusToPlusHundred() {
		assertThat(SurveyMetrics.nps(ScoreCounts.empty(0, 10).add(0, 40), 1).value()).isEqualTo(-100.0);
		assertThat(SurveyMetrics.nps(ScoreCounts.empty(0, 10).add(9, 40), 1).value()).isEqualTo(100.0);
		assertThat(SurveyMetrics.nps(ScoreCounts.empty(0, 10).add(9, 40), 1).margin()).isZero();
	}

	@Test
	void cesIsAMeanOnOneToSevenAndTheShareThatAgrees() {
		ScoreCounts ces = ScoreCounts.of(1, 0, 0, 5, 10, 20, 10, 5);
		Estimate mean = SurveyMetrics.cesMean(ces, 30);
		assertThat(mean.value()).isEqualTo(5.0);
		// 1.96 · s / √n with s the sample standard deviation
		assertThat(mean.margin()).isCloseTo(0.30672, within(1e-5));
		Estimate agree = SurveyMetrics.cesAgree(ces, 30);
		assertThat(agree.value()).isCloseTo(70.0, within(1e-9));
		assertThat(agree.margin()).isCloseTo(1.96 * Math.sqrt(0.7 * 0.3 / 50) * 100, within(1e-9));
	}

	@Test
	void csatIsTheShareOfFourAndFive() {
		Estimate csat = SurveyMetrics.csat(ScoreCounts.of(1, 5, 5, 10, 40, 40), 30);
		assertThat(csat.value()).isCloseTo(80.0, within(1e-9));
		assertThat(csat.margin()).isCloseTo(7.84, within(1e-9));
		assertThat(csat.rounded()).isEqualTo(80.0);
	}

	@Test
	void starRatingIsAMeanRoundedToTwoDecimals() {
		Estimate stars = SurveyMetrics.ratingMean(ScoreCounts.of(1, 1, 0, 1, 0, 1), 1);
		assertThat(stars.value()).isEqualTo(3.0);
		assertThat(SurveyMetrics.ratingMean(ScoreCounts.of(1, 0, 0, 1, 2, 0), 1).rounded()).isEqualTo(3.67);
		assertThat(MetricDefinition.RATING_MEAN.format(11.0 / 3)).isEqualTo("3.67");
	}

	@Test
	void choiceSharesAreOfTheRespondentsWhoAnsweredAndOtherComesLast() {
		List<ChoiceShare> shares = SurveyMetrics.choiceShares(Map.of(1, 30L, 2, 15L, 0, 5L), 3, 40, 30);
		assertThat(shares).extracting(ChoiceShare::option).containsExactly(1, 2, 3, 0);
		assertThat(shares.get(0).share().value()).isEqualTo(75.0);
		assertThat(shares.get(1).share().value()).isEqualTo(37.5);
		assertThat(shares.get(2).count()).isZero();
		assertThat(shares.get(3).other()).isTrue();
		assertThat(shares.get(3).share().value()).isEqualTo(12.5);
	}

	@Test
	void funnelCountsRatesAndDropOffPerQuestion() {
		Map<String, Long> answered = new LinkedHashMap<>();
		answered.put("q1", 80L);
		answered.put("q2", 60L);
		Funnel funnel = SurveyMetrics.funnel(200, 100, 60, answered);
		assertThat(funnel.startRate()).isEqualTo(50.0);
		assertThat(funnel.completionRate()).isEqualTo(60.0);
		assertThat(funnel.responseRate()).isEqualTo(30.0);
		assertThat(funnel.questions()).extracting(Funnel.Step::dropOff).containsExactly(20.0, 25.0);
		assertThat(SurveyMetrics.funnel(0, 0, 0, Map.of()).startRate()).isNaN();
	}

	@Test
	void npsPeriodsAreComparedWithAZTestOnTheDifference() {
		ScoreCounts previous = ScoreCounts.of(0, 5, 5, 5, 5, 5, 3, 2, 15, 15, 20, 20);
		assertThat(SurveyMetrics.nps(previous, 30).value()).isCloseTo(10.0, within(1e-9));
		Comparison comparison = SurveyMetrics.compare(MetricDefinition.NPS, npsExample(), previous, 30);
		assertThat(comparison.test()).isEqualTo(SignificanceTest.NPS_Z);
		assertThat(comparison.difference()).isCloseTo(20.0, within(1e-9));
		// z = 0.2 / √(0.61/100 + 0.69/100)
		assertThat(comparison.statistic()).isCloseTo(1.75412, within(1e-5));
		assertThat(comparison.pValue()).isCloseTo(0.07941, within(1e-4));
		assertThat(comparison.significant()).isFalse();
	}

	@Test
	void proportionsAreComparedWithATwoProportionZTest() {
		Comparison comparison = SurveyMetrics.compare(MetricDefinition.CSAT, ScoreCounts.of(1, 5, 5, 10, 40, 40),
				ScoreCounts.of(1, 10, 10, 20, 30, 30), 30);
		assertThat(comparison.test()).isEqualTo(SignificanceTest.TWO_PROPORTION_Z);
		assertThat(comparison.statistic()).isCloseTo(3.08607, within(1e-5));
		assertThat(comparison.pValue()).isCloseTo(0.002028, within(1e-5));
		assertThat(comparison.significant()).isTrue();
	}

	@Test
	void meansAreComparedWithWelchsT() {
		Comparison comparison = SurveyMetrics.compare(MetricDefinition.CES_MEAN,
				ScoreCounts.of(1, 0, 0, 5, 10, 20, 10, 5), ScoreCounts.of(1, 5, 5, 10, 10, 10, 5, 5), 30);
		assertThat(comparison.test()).isEqualTo(SignificanceTest.WELCH_T);
		assertThat(comparison.statistic()).isCloseTo(3.41565, within(1e-5));
		assertThat(comparison.pValue()).isCloseTo(0.000988, within(1e-5));
		assertThat(Probabilities.studentTwoSided(2.5, 7.3)).isCloseTo(0.03965, within(1e-5));
	}

	@Test
	void periodsWithTooFewAnswersAreNotTested() {
		Comparison comparison = SurveyMetrics.compare(MetricDefinition.NPS, npsExample(),
				ScoreCounts.empty(0, 10).add(10, 3), 30);
		assertThat(comparison.comparable()).isFalse();
		assertThat(comparison.significant()).isFalse();
	}

	@Test
	void everyQuestionTypeHasAWrittenDefinition() {
		for (QuestionType type : QuestionType.values()) {
			assertThat(MetricDefinition.forType(type)).isNotEmpty()
				.allSatisfy((d) -> assertThat(d.messageKey()).startsWith("insights.definition."));
		}
	}

}

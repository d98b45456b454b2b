package com.rapport.community.listening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rule on worked examples, with the defaults (at least 5 analysed mentions this
 * week, negative share at least 20 points above the four weeks before).
 */
class AlertRuleTests {

	final AlertRule rule = new AlertRule(5, 20);

	@Test
	void aJumpOfTwentyPointsOrMoreWithEnoughMentionsAlerts() {
		// 3 of 5 negative = 60% against 1 of 4 = 25%: 35 points
		AlertRule.Jump jump = this.rule.evaluate(new AlertRule.Counts(5, 3), new AlertRule.Counts(4, 1));
		assertThat(jump).isNotNull();
		assertThat(jump.share()).isEqualTo(60.0);
		assertThat(jump.baseline()).isEqualTo(25.0);
		assertThat(jump.analysed()).isEqualTo(5);
		// exactly 20 points: 2 of 5 = 40% against 4 of 20 = 20%
		assertThat(this.rule.evaluate(new AlertRule.Counts(5, 2), new AlertRule.Counts(20, 4))).isNotNull();
	}

	@Test
	void tooFewMentionsOrTooSmallARiseDoNotAlert() {
		// 4 of 4 negative, but only 4 analysed mentions
		assertThat(this.rule.evaluate(new AlertRule.Counts(4, 4), new AlertRule.Counts(10, 0))).isNull();
		// 3 of 5 = 60% against 9 of 20 = 45%: 15 points
		assertThat(this.rule.evaluate(new AlertRule.Counts(5, 3), new AlertRule.Counts(20, 9))).isNull();
		// a falling share never alerts
		assertThat(this.rule.evaluate(new AlertRule.Counts(10, 1), new AlertRule.Counts(10, 9))).isNull();
	}

	@Test
	void withoutEarlierMentionsTheBaselineIsZero() {
		AlertRule.Jump jump = this.rule.evaluate(new AlertRule.Counts(6, 2), new AlertRule.Counts(0, 0));
		assertThat(jump).isNotNull();
		assertThat(jump.baseline()).isZero();
		assertThat(Math.round(jump.share())).isEqualTo(33);
		assertThat(this.rule.evaluate(new AlertRule.Counts(6, 1), new AlertRule.Counts(0, 0))).as("17% < 20").isNull();
	}

	@Test
	void sharesAreWholePercentRoundedHalfUp() {
		TermPeriod period = new TermPeriod(java.time.LocalDate.of(2026, 1, 5), 9, 1, 2, 5);
		assertThat(period.analysed()).isEqualTo(8);
		assertThat(period.unanalysed()).isEqualTo(1);
		// 1/8 = 12.5% → 13, 2/8 = 25%, 5/8 = 62.5% → 63
		assertThat(period.negativeShare()).isEqualTo(13);
		assertThat(period.neutralShare()).isEqualTo(25);
		assertThat(period.positiveShare()).isEqualTo(63);
		assertThat(new TermPeriod(java.time.LocalDate.of(2026, 1, 5), 2, 0, 0, 0).negativeShare()).isNull();
	}

	@Test
	void termsAreLiteral() {
		assertThat(WatchTerms.normalize("  TentMaster   Pro ")).isEqualTo("tentmaster pro");
		assertThat(WatchTerms.normalize("tent*")).isNull();
		assertThat(WatchTerms.normalize("x")).isNull();
		assertThat(WatchTerms.normalize("篷")).isEqualTo("篷");
		assertThat(WatchTerms.normalize("a".repeat(101))).isNull();
		assertThat(WatchTerms.normalize("(a+)+$")).isEqualTo("(a+)+$");
	}

}

package com.rapport.survey.sentiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentAnalyzerEnglishTests {

	static final SentimentAnalyzer analyzer = new SentimentAnalyzer();

	@Test
	void scoresAPositiveTextWithTheWordsThatDroveIt() {
		Sentiment sentiment = analyzer.analyze("The support team was helpful and the fix works great.");
		assertThat(sentiment.language()).isEqualTo(Language.ENGLISH);
		assertThat(sentiment.analysed()).isTrue();
		assertThat(sentiment.label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(sentiment.drivers()).contains("helpful", "great");
	}

	@Test
	void negationTurnsTheWordAroundAndIsShownInTheDriver() {
		Sentiment notGood = analyzer.analyze("The update is not good.");
		assertThat(notGood.label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(notGood.drivers()).containsExactly("not good");
		assertThat(analyzer.analyze("Honestly, the new app isn't bad at all.").label())
			.isEqualTo(SentimentLabel.POSITIVE);
	}

	@Test
	void intensifiersCapitalsAndExclamationMarksStrengthenDampenersWeaken() {
		double plain = analyzer.analyze("The checkout is good.").score();
		assertThat(analyzer.analyze("The checkout is very good.").score()).isGreaterThan(plain);
		assertThat(analyzer.analyze("The checkout is GOOD.").score()).isGreaterThan(plain);
		assertThat(analyzer.analyze("The checkout is good!!!").score()).isGreaterThan(plain);
		assertThat(analyzer.analyze("The checkout is kind of good.").score()).isLessThan(plain);
	}

	@Test
	void whatFollowsButWeighsMore() {
		Sentiment sentiment = analyzer.analyze("The delivery was fast, but the box arrived broken and useless.");
		assertThat(sentiment.label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(sentiment.drivers()).contains("useless");
	}

	@Test
	void emojiAndEmoticonsCount() {
		assertThat(analyzer.analyze("Thanks for the quick reply 😊").label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(analyzer.analyze("still waiting on my order :(").label()).isEqualTo(SentimentLabel.NEGATIVE);
		Sentiment onlyEmoji = analyzer.analyze("😡😡");
		assertThat(onlyEmoji.language()).isEqualTo(Language.NONE);
		assertThat(onlyEmoji.label()).isEqualTo(SentimentLabel.NEGATIVE);
	}

	@Test
	void likeAsAComparisonIsNotPraise() {
		assertThat(analyzer.analyze("It looks like the invoice was sent twice.").label())
			.isEqualTo(SentimentLabel.NEUTRAL);
		assertThat(analyzer.analyze("I like the new dashboard.").label()).isEqualTo(SentimentLabel.POSITIVE);
	}

	@Test
	void aTextWithoutSentimentWordsIsNeutral() {
		Sentiment sentiment = analyzer.analyze("How do I change the email address on my account?");
		assertThat(sentiment.label()).isEqualTo(SentimentLabel.NEUTRAL);
		assertThat(sentiment.score()).isZero();
		assertThat(sentiment.drivers()).isEmpty();
	}

	@Test
	void aLanguageNotCoveredIsNotAnalysedRatherThanNeutral() {
		Sentiment german = analyzer.analyze("Das Produkt ist leider nicht gut, der Versand dauerte zu lange.");
		assertThat(german.analysed()).isFalse();
		assertThat(german.label()).isEqualTo(SentimentLabel.NOT_ANALYSED);
		assertThat(german.language()).isEqualTo(Language.OTHER);
		assertThat(analyzer.analyze("この製品はとても良いです").analysed()).isFalse();
		assertThat(analyzer.analyze("Це дуже погано").analysed()).isFalse();
		assertThat(analyzer.analyze("   ").analysed()).isFalse();
		assertThat(analyzer.analyze("12345 ...").analysed()).isFalse();
	}

}

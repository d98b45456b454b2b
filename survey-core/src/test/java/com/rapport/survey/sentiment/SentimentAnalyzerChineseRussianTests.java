package com.rapport.survey.sentiment;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentAnalyzerChineseRussianTests {

	static final SentimentAnalyzer analyzer = SentimentAnalyzerEnglishTests.analyzer;

	@Test
	void chineseIsSegmentedAndNegationTurnsTheWord() {
		Sentiment good = analyzer.analyze("这个产品很好用");
		assertThat(good.language()).isEqualTo(Language.CHINESE);
		assertThat(good.label()).isEqualTo(SentimentLabel.POSITIVE);
		Sentiment notGood = analyzer.analyze("不好");
		assertThat(notGood.label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(notGood.drivers()).containsExactly("不好");
		assertThat(analyzer.analyze("不好意思，请问怎么修改密码？").label()).isEqualTo(SentimentLabel.NEUTRAL);
	}

	@Test
	void chineseDegreeAdverbsAndContrast() {
		assertThat(analyzer.analyze("非常满意").score()).isGreaterThan(analyzer.analyze("满意").score());
		assertThat(analyzer.analyze("有点满意").score()).isLessThan(analyzer.analyze("满意").score());
		Sentiment turned = analyzer.analyze("包装很漂亮，但是用了两天就坏了");
		assertThat(turned.label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(turned.drivers()).contains("坏了");
	}

	@Test
	void russianStemsNegationAndContrast() {
		Sentiment notBad = analyzer.analyze("не плохо");
		assertThat(notBad.language()).isEqualTo(Language.RUSSIAN);
		assertThat(notBad.label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(notBad.drivers()).containsExactly("не плохо");
		assertThat(analyzer.analyze("Плохая доставка").label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(analyzer.analyze("Доставка быстрая, но товар пришёл сломанным").label())
			.isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(analyzer.analyze("Очень довольна!").score()).isGreaterThan(analyzer.analyze("довольна").score());
	}

	@Test
	void russianCapitalsAndBracketSmileys() {
		assertThat(analyzer.analyze("Это ОТСТОЙ, а не сервис").score())
			.isLessThan(analyzer.analyze("Это отстой, а не сервис").score());
		assertThat(analyzer.analyze("спасибо)))").score()).isGreaterThan(analyzer.analyze("спасибо").score());
	}

	@Test
	void questionsWithoutSentimentAreNeutral() {
		assertThat(analyzer.analyze("Как поменять пароль?").label()).isEqualTo(SentimentLabel.NEUTRAL);
		assertThat(analyzer.analyze("我的订单号是20231108，什么时候发货？").label()).isEqualTo(SentimentLabel.NEUTRAL);
	}

	@Test
	void heldOutStyleSetsReachTheBar() {
		assertAccuracy("en", 0.87);
		assertAccuracy("zh", 0.75);
		assertAccuracy("ru", 0.75);
	}

	private static void assertAccuracy(String language, double bar) {
		List<String> misses = new ArrayList<>();
		double accuracy = HeldOut.accuracy(analyzer, HeldOut.examples(language), misses);
		assertThat(accuracy).as("%s accuracy; misses: %s", language, misses).isGreaterThanOrEqualTo(bar);
	}

}

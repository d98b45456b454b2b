package com.rapport.survey.sentiment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One analyser for the whole portal (its word lists are loaded once): posts and open-text
 * answers are scored by exactly the same rules as {@code bench/sentiment-score}.
 */
@Configuration(proxyBeanMethods = false)
public class SentimentConfiguration {

	@Bean
	SentimentAnalyzer sentimentAnalyzer() {
		return new SentimentAnalyzer();
	}

}

package com.rapport.survey.response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The MACs kept per thread sign and hash exactly as a new MAC per call: the same value on
 * every call and in every thread, and the standard HMAC-SHA256.
 */
class SurveySecretsUnitTest {

	private static final String KEY = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";

	@Test
	void signsAndHashesAlikeOnEveryCallAndThread() throws Exception {
		SurveySecrets secrets = secrets();
		String signature = secrets.sign("payload");
		String hash = secrets.hashRespondent("a:respondent");
		assertThat(secrets.sign("payload")).isEqualTo(signature);
		assertThat(secrets.sign("other")).isNotEqualTo(signature);
		assertThat(secrets.verify("payload", signature)).isTrue();
		assertThat(secrets.verify("payload", secrets.sign("other"))).isFalse();
		assertThat(secrets.hashRespondent("a:respondent")).isEqualTo(hash)
			.isEqualTo(SurveySecrets.hmacHex(new String(java.util.Base64.getDecoder().decode(KEY)), "a:respondent"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> {
					List<String> values = new ArrayList<>();
					for (int n = 0; n < 200; n++) {
						values.add(secrets.sign("payload"));
						values.add(secrets.hashRespondent("a:respondent"));
					}
					return values;
				}));
			}
			for (Future<List<String>> result : results) {
				for (int n = 0; n < result.get().size(); n += 2) {
					assertThat(result.get().get(n)).isEqualTo(signature);
					assertThat(result.get().get(n + 1)).isEqualTo(hash);
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static SurveySecrets secrets() {
		JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
		when(jdbc.sql(anyString()).param(anyString()).query(String.class).single()).thenReturn(KEY);
		return new SurveySecrets(jdbc);
	}

}

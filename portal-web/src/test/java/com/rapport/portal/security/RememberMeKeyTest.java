package com.rapport.portal.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an operator sees about the remember-me key: production (an external database)
 * refuses to start without one and says what to set; the embedded database and the demo
 * profile start with a random key; a configured key is used as it is.
 */
class RememberMeKeyTest {

	private static final String EXTERNAL = "jdbc:mysql://db.example:3306/rapport";

	@Test
	void productionWithoutAKeyRefusesToStartAndSaysWhatToSet() {
		MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL);
		RememberMeKey.MissingRememberMeKeyException missing = null;
		try {
			RememberMeKey.resolve(production);
		}
		catch (RememberMeKey.MissingRememberMeKeyException ex) {
			missing = ex;
		}
		assertThat(missing).as("refused without a key").isNotNull();
		FailureAnalysis analysis = new RememberMeKeyFailureAnalyzer()
			.analyze(new IllegalStateException("bean creation failed", missing));
		assertThat(analysis.getDescription()).contains("rapport.security.remember-me-key", "is not set");
		assertThat(analysis.getAction()).contains("RAPPORT_SECURITY_REMEMBER_ME_KEY", "at least 16 characters",
				"every node");

		production.setProperty("rapport.security.remember-me-key", "short");
		assertThatExceptionOfType(RememberMeKey.MissingRememberMeKeyException.class)
			.isThrownBy(() -> RememberMeKey.resolve(production))
			.withMessageContaining("shorter than 16 characters");
	}

	@Test
	void aConfiguredKeyIsUsedOnEveryNode() {
		MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
			.withProperty("rapport.security.remember-me-key", "  a shared secret of the site  ");
		assertThat(RememberMeKey.resolve(production)).isEqualTo("a shared secret of the site");
	}

	@Test
	void theEmbeddedDatabaseAndTheDemoStartWithARandomKey() {
		String embedded = RememberMeKey.resolve(new MockEnvironment());
		assertThat(embedded).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(RememberMeKey.resolve(new MockEnvironment()));
		MockEnvironment demo = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL);
		demo.setActiveProfiles("demo");
		assertThat(RememberMeKey.resolve(demo)).hasSizeGreaterThanOrEqualTo(32);
	}

}

package com.rapport.portal.survey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.SurveyRejectedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The minimum answer time counts milliseconds: a form sent 999 ms after it was shown is
 * too fast, one sent after 1000 ms is not, wherever the second boundaries fall. A page
 * shown before the portal was upgraded (its token counts whole seconds) is still
 * accepted.
 */
class FormTokenTimeIntegrationTest extends PortalIntegrationTest {

	@Autowired
	SurveySecrets secrets;

	@Test
	void theMinimumAnswerTimeIsEnforcedToTheMillisecond() {
		// shown late in a second, so whole seconds would call 0.999 s "one second"
		Instant shown = Instant.parse("2026-11-26T10:00:00.600Z");
		AnswerContext page = context(shown.toEpochMilli());
		String token = tokensAt(shown).issue(page);

		assertThat(tokensAt(shown.plusMillis(999)).isTooFast(tokensAt(shown).verify(token))).isTrue();
		assertThat(tokensAt(shown.plusMillis(1000)).isTooFast(tokensAt(shown).verify(token))).isFalse();
		assertThat(tokensAt(shown).verify(token).issuedAt()).isEqualTo(shown.toEpochMilli());
	}

	@Test
	void aTokenIssuedBeforeMillisecondsIsStillAcceptedAndExpires() {
		Instant shown = Instant.parse("2026-11-26T10:00:00Z");
		String old = oldStyleToken(shown.getEpochSecond());

		AnswerContext context = tokensAt(shown.plusSeconds(5)).verify(old);
		assertThat(context.issuedAt()).isEqualTo(shown.toEpochMilli());
		assertThat(tokensAt(shown.plusMillis(999)).isTooFast(context)).isTrue();
		assertThat(tokensAt(shown.plusSeconds(1)).isTooFast(context)).isFalse();
		assertThatExceptionOfType(SurveyRejectedException.class)
			.isThrownBy(() -> tokensAt(shown.plus(Duration.ofHours(2)).plusMillis(1)).verify(old))
			.withMessageContaining("survey.error.expired");
	}

	@Test
	void aTokenStillCarriesWholeSecondsForNodesNotYetUpgraded() {
		Instant shown = Instant.parse("2026-11-26T10:00:00.750Z");
		String token = tokensAt(shown).issue(context(shown.toEpochMilli()));
		String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.lastIndexOf('.'))),
				StandardCharsets.UTF_8);
		assertThat(payload).contains("&t=" + shown.getEpochSecond() + "&", "&m=" + shown.toEpochMilli());
	}

	private FormTokens tokensAt(Instant now) {
		return new FormTokens(this.secrets, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(2),
				Duration.ofSeconds(1));
	}

	private static AnswerContext context(long issuedAt) {
		return new AnswerContext(1L, 1, "00000000-0000-0000-0000-000000000001", "respondent", Channel.LINK, null, "en",
				Device.DESKTOP, Map.of(), null, Set.of(), issuedAt);
	}

	/** A token as the portal made them before it counted milliseconds. */
	private String oldStyleToken(long issuedAtSeconds) {
		String payload = "s=1&v=1&r=00000000-0000-0000-0000-000000000002&w=respondent&c=LINK&l=en&d=DESKTOP&p=&t="
				+ URLEncoder.encode(Long.toString(issuedAtSeconds), StandardCharsets.UTF_8);
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return encoded + "." + this.secrets.sign(encoded);
	}

}

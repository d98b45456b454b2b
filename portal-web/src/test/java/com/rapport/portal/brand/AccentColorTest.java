package com.rapport.portal.brand;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AccentColorTest {

	@Test
	void computesTheWcagContrastWithWhite() {
		assertThat(AccentColor.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.01));
		assertThat(AccentColor.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.01));
		assertThat(AccentColor.contrastWithWhite("#767676")).isCloseTo(4.54, within(0.01));
	}

	@Test
	void refusesColoursTooLightToReadOnWhite() {
		assertThat(AccentColor.readableOnWhite("#0969da")).isTrue();
		assertThat(AccentColor.readableOnWhite("#2f6f4f")).isTrue();
		assertThat(AccentColor.readableOnWhite("#ffcc00")).isFalse();
		assertThat(AccentColor.readableOnWhite("#58a6ff")).isFalse();
	}

}

package com.rapport.community.topic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@Test
	void keepsLettersOfEveryScript() {
		assertThat(Slugs.slugify("Best way to pitch a tent in strong wind?"))
			.isEqualTo("best-way-to-pitch-a-tent-in-strong-wind");
		assertThat(Slugs.slugify("帐篷防水性能怎么样？")).isEqualTo("帐篷防水性能怎么样");
		assertThat(Slugs.slugify("Палатка протекает — что делать?")).isEqualTo("палатка-протекает-что-делать");
	}

	@Test
	void neverReturnsAnEmptySlug() {
		assertThat(Slugs.slugify("?!…")).isEqualTo("topic");
	}

}

package com.rapport.community.tag;

import com.rapport.community.member.RejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagNamesTest {

	@Test
	void namesAreLowerCaseWithDashesForSpaces() {
		assertThat(TagNames.normalise("  Rain  Gear_2026 ", 30)).isEqualTo("rain-gear-2026");
		assertThat(TagNames.normalise("--Tent--", 30)).isEqualTo("tent");
	}

	@Test
	void chineseAndRussianNamesAreKept() {
		assertThat(TagNames.normalise("帐篷", 30)).isEqualTo("帐篷");
		assertThat(TagNames.normalise("Палатка Зимняя", 30)).isEqualTo("палатка-зимняя");
	}

	@Test
	void fullWidthLettersBecomeOrdinaryOnes() {
		assertThat(TagNames.normalise("ＴＥＮＴ", 30)).isEqualTo("tent");
	}

	@Test
	void otherCharactersAreRefused() {
		assertThatThrownBy(() -> TagNames.normalise("c++", 30)).isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().get("tags"))
			.isEqualTo("tags.invalid");
		assertThatThrownBy(() -> TagNames.normalise("<script>", 30)).isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> TagNames.normalise(" - ", 30)).isInstanceOf(RejectedException.class);
	}

	@Test
	void theLengthIsCountedInCharactersAfterNormalising() {
		assertThat(TagNames.normalise("帐".repeat(30), 30)).hasSize(30);
		assertThatThrownBy(() -> TagNames.normalise("帐".repeat(31), 30)).isInstanceOf(RejectedException.class)
			.extracting((ex) -> ((RejectedException) ex).fieldErrors().get("tags"))
			.isEqualTo("tags.tooLong");
	}

	@Test
	void aListIsSplitAtCommasIncludingChineseOnesWithoutDuplicates() {
		assertThat(TagNames.parse("Tent, rain gear，帐篷、tent,, ", 30)).containsExactly("tent", "rain-gear", "帐篷");
		assertThat(TagNames.parse("  ", 30)).isEmpty();
		assertThat(TagNames.parse(null, 30)).isEmpty();
	}

}

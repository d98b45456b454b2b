package com.rapport.portal.engage;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visit cookie says which visit a page view belongs to and nothing else, and anything
 * that is not such a cookie starts a new visit.
 */
class VisitCookieTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	@Test
	void aVisitStartsWithOnePageAndReadsBackAsItWasWritten() {
		VisitCookie visit = VisitCookie.start(TODAY);
		assertThat(visit.id()).hasSize(22);
		assertThat(visit.isSingle()).isTrue();
		assertThat(VisitCookie.parse(visit.value(), TODAY)).isEqualTo(visit);
		VisitCookie second = visit.next();
		assertThat(second.isSingle()).isFalse();
		assertThat(VisitCookie.parse(second.value(), TODAY.plusDays(1))).isEqualTo(second);
		assertThat(second.next()).isEqualTo(second);
		assertThat(VisitCookie.start(TODAY).id()).isNotEqualTo(visit.id());
	}

	@Test
	void anythingElseIsNoVisit() {
		String id = "AAAAAAAAAAAAAAAAAAAAAA";
		long day = TODAY.toEpochDay();
		assertThat(VisitCookie.parse(null, TODAY)).isNull();
		assertThat(VisitCookie.parse("", TODAY)).isNull();
		assertThat(VisitCookie.parse(id + "." + day + ".3", TODAY)).isNull();
		assertThat(VisitCookie.parse(id + "." + day, TODAY)).isNull();
		assertThat(VisitCookie.parse("short." + day + ".1", TODAY)).isNull();
		assertThat(VisitCookie.parse("AAAAAAAAAAAAAAAAAAAA<>." + day + ".1", TODAY)).isNull();
		assertThat(VisitCookie.parse(id + ".x" + day + ".1", TODAY)).isNull();
		assertThat(VisitCookie.parse(id + "." + (day + 1) + ".1", TODAY)).as("a day to come").isNull();
		assertThat(VisitCookie.parse(id + "." + (day - 3) + ".1", TODAY)).as("older than a 30-minute cookie").isNull();
		assertThat(VisitCookie.parse(id + "." + day + ".1" + "x".repeat(60), TODAY)).isNull();
		assertThat(VisitCookie.parse(id + "." + (day - 1) + ".2", TODAY))
			.isEqualTo(new VisitCookie(id, TODAY.minusDays(1), 2));
	}

}

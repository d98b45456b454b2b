package com.rapport.community.health;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.rapport.community.health.HealthOverview.DayFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long period's days added up per ISO week for the charts.
 */
class HealthOverviewTest {

	@Test
	void weeksAddUpTheirDaysAndAreDatedByTheirMonday() {
		// Thursday 2026-01-01 to Tuesday 2026-01-13: a partial week, a whole one, a
		// partial one
		LocalDate from = LocalDate.of(2026, 1, 1);
		List<DayFigures> days = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			days.add(new DayFigures(from.plusDays(i), 1, i, 2 * i, (i == 4) ? 3 : 0));
		}
		HealthOverview overview = new HealthOverview(from, from.plusDays(12), days, 0, 0, 0, null, null,
				Duration.ofHours(24), 0, 0, 0, List.of(), List.of());

		assertThat(overview.weeks()).containsExactly(new DayFigures(LocalDate.of(2025, 12, 29), 4, 6, 12, 0),
				new DayFigures(LocalDate.of(2026, 1, 5), 7, 49, 98, 3),
				new DayFigures(LocalDate.of(2026, 1, 12), 2, 23, 46, 0));
		for (String figure : List.of("newMembers", "topics", "replies", "flags")) {
			assertThat(overview.weeks().stream().mapToInt((w) -> w.get(figure)).sum()).as(figure)
				.isEqualTo(overview.total(figure));
		}
	}

}

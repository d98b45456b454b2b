package com.rapport.portal.survey;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The periods the results page compares: the last 30, 90 or 365 days (ending today in the
 * brand's time zone) against the same number of days before, with trends by week or by
 * month.
 */
enum ResultsPeriod {

	DAYS_30(30, false), DAYS_90(90, false), DAYS_365(365, true);

	private final int days;

	private final boolean monthly;

	ResultsPeriod(int days, boolean monthly) {
		this.days = days;
		this.monthly = monthly;
	}

	static ResultsPeriod of(Integer days) {
		for (ResultsPeriod period : values()) {
			if (days != null && period.days == days) {
				return period;
			}
		}
		return DAYS_90;
	}

	int days() {
		return this.days;
	}

	boolean monthly() {
		return this.monthly;
	}

	/** The first day of the trend bucket a day falls in (Monday, or the 1st). */
	LocalDate bucketOf(LocalDate day) {
		return this.monthly ? day.withDayOfMonth(1) : day.with(DayOfWeek.MONDAY);
	}

	/** The first day of the next bucket. */
	LocalDate nextBucket(LocalDate bucket) {
		return this.monthly ? bucket.plusMonths(1) : bucket.plusWeeks(1);
	}

	String label(LocalDate bucket) {
		return bucket.format(this.monthly ? DateTimeFormatter.ofPattern("yyyy-MM") : DateTimeFormatter.ISO_LOCAL_DATE);
	}

}

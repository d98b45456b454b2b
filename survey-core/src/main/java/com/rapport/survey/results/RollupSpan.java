package com.rapport.survey.results;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of the coarse rollup tables: a day, a week (Monday to Sunday) and a calendar
 * month. Every day is counted once in each span that holds it, so a period is read as its
 * whole months, whole weeks and remaining days: about 25 spans for 365 days instead of
 * 365 days.
 */
enum RollupSpan {

	/** One day. */
	DAY("D"),
	/** The week starting on a Monday. */
	WEEK("W"),
	/** The calendar month. */
	MONTH("M");

	private final String code;

	RollupSpan(String code) {
		this.code = code;
	}

	/** The value of the table's {@code span} column. */
	String code() {
		return this.code;
	}

	/**
	 * The first day of the span of this kind that holds a day.
	 * @param day the day
	 * @return the day itself, its Monday or the 1st of its month
	 */
	LocalDate firstDayOf(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(DayOfWeek.MONDAY);
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/**
	 * The fewest spans that cover a period exactly: whole months (when allowed), whole
	 * weeks that lie within one month (or any whole weeks when months are not allowed, so
	 * each span lies within one week of a weekly trend), and single days.
	 * @param from the first day
	 * @param until the day after the last
	 * @param months whether whole months may be used
	 * @return the first days of the spans of each kind, in order
	 */
	static Map<RollupSpan, List<LocalDate>> cover(LocalDate from, LocalDate until, boolean months) {
		Map<RollupSpan, List<LocalDate>> spans = new EnumMap<>(RollupSpan.class);
		for (RollupSpan span : values()) {
			spans.put(span, new ArrayList<>());
		}
		LocalDate day = from;
		while (day.isBefore(until)) {
			LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
			LocalDate weekEnd = day.plusDays(7);
			if (months && day.getDayOfMonth() == 1 && !nextMonth.isAfter(until)) {
				spans.get(MONTH).add(day);
				day = nextMonth;
			}
			else if (day.getDayOfWeek() == DayOfWeek.MONDAY && !weekEnd.isAfter(until)
					&& (!months || !weekEnd.isAfter(nextMonth))) {
				spans.get(WEEK).add(day);
				day = weekEnd;
			}
			else {
				spans.get(DAY).add(day);
				day = day.plusDays(1);
			}
		}
		return spans;
	}

	/**
	 * The condition that selects the rows of the spans, on the primary key's prefix
	 * (survey, span, first day), to append after the survey's condition.
	 * @param spans the spans, as from {@link #cover}
	 * @param params where the condition's parameters are added
	 * @return the condition in parentheses, or a false one when there is no span
	 */
	static String condition(Map<RollupSpan, List<LocalDate>> spans, List<Object> params) {
		List<String> terms = new ArrayList<>();
		spans.forEach((span, days) -> {
			if (!days.isEmpty()) {
				terms.add("(span = ? AND first_day IN (" + SurveyResults.placeholders(days.size()) + "))");
				params.add(span.code());
				params.addAll(days);
			}
		});
		return terms.isEmpty() ? "(1 = 0)" : "(" + String.join(" OR ", terms) + ")";
	}

}

package com.rapport.portal.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.rapport.survey.annotation.Annotation;

/**
 * Staff's events (releases, outages, campaigns) placed on a chart of periods: each at the
 * x of the period whose first day is the last one on or before the event's day; events
 * before the first period are left out.
 */
public final class ChartMarks {

	private ChartMarks() {
	}

	/**
	 * Places the events.
	 * @param starts the first day of each period (bar, point), in order
	 * @param xs the x of each period
	 * @param annotations the events of the days shown
	 * @return the marks, in the events' order
	 */
	public static List<Mark> marks(List<LocalDate> starts, List<String> xs, List<Annotation> annotations) {
		List<Mark> marks = new ArrayList<>();
		for (Annotation annotation : annotations) {
			int at = -1;
			for (int i = 0; i < starts.size() && !starts.get(i).isAfter(annotation.day()); i++) {
				at = i;
			}
			if (at >= 0) {
				marks.add(new Mark(xs.get(at), at, annotation.day(), annotation.kind().name(), annotation.label()));
			}
		}
		return marks;
	}

	/**
	 * The marks for a chart's PNG export, at the same periods, labelled with their day.
	 * @param marks the marks of the chart's SVG
	 * @return the PNG's markers
	 */
	public static List<PeriodChart.Marker> markers(List<Mark> marks) {
		return marks.stream().map((m) -> new PeriodChart.Marker(m.period(), m.day() + " " + m.label())).toList();
	}

	/**
	 * A staff event on a chart.
	 *
	 * @param x where it is drawn
	 * @param period the index of the period it is drawn at, for the PNG export
	 * @param day its day
	 * @param kind RELEASE, OUTAGE, CAMPAIGN or OTHER
	 * @param label what happened
	 */
	public record Mark(String x, int period, LocalDate day, String kind, String label) {
	}

}

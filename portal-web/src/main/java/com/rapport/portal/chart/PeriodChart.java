package com.rapport.portal.chart;

import java.util.List;

/**
 * A chart of periods (days, weeks, months) along the bottom, with one or more panels
 * above each other that share those periods: bars, stacked bars, or a line with its 95%
 * band.
 *
 * @param title the chart's title (a question, a term, a page's name)
 * @param subtitle what is shown and over which period
 * @param periods the label of each period, oldest first
 * @param panels the panels, top first
 * @param marks staff's events, each at the period it falls in
 */
public record PeriodChart(String title, String subtitle, List<String> periods, List<Panel> panels, List<Marker> marks) {

	public PeriodChart {
		periods = List.copyOf(periods);
		panels = List.copyOf(panels);
		marks = List.copyOf(marks);
	}

	/** How a panel draws its series. */
	public enum Kind {

		/** One bar per period and series, side by side. */
		BARS,

		/** The series' bars stacked, the first at the bottom. */
		STACKED,

		/** The first series as a line, with the panel's band around it. */
		LINE

	}

	/**
	 * One panel.
	 *
	 * @param name the value axis' name
	 * @param kind how it is drawn
	 * @param series the figures
	 * @param low the bottom of the band per period (LINE only; empty for none)
	 * @param high the top of the band per period (LINE only; empty for none)
	 * @param min the bottom of the value axis, or NaN for 0
	 * @param max the top of the value axis, or NaN to fit the figures
	 */
	public record Panel(String name, Kind kind, List<Series> series, List<Double> low, List<Double> high, double min,
			double max) {

		public Panel {
			series = List.copyOf(series);
			low = List.copyOf(low);
			high = List.copyOf(high);
		}

		/**
		 * A panel of one series of bars from 0.
		 * @param name the value axis' name
		 * @param values the value per period, NaN for none
		 * @param max the top of the axis, NaN to fit
		 * @return the panel
		 */
		public static Panel bars(String name, List<Double> values, double max) {
			return new Panel(name, Kind.BARS, List.of(new Series(name, Tone.PRIMARY, values)), List.of(), List.of(),
					Double.NaN, max);
		}

	}

	/**
	 * One series of figures.
	 *
	 * @param name its name in the legend
	 * @param tone its colour
	 * @param values the value per period, NaN where there is none
	 */
	public record Series(String name, Tone tone, List<Double> values) {

		public Series {
			values = List.copyOf(values);
		}

	}

	/**
	 * A staff event on the chart.
	 *
	 * @param period the index of the period it falls in
	 * @param label what happened
	 */
	public record Marker(int period, String label) {
	}

}

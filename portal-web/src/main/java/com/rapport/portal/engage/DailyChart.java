package com.rapport.portal.engage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.rapport.portal.chart.PeriodChart;
import com.rapport.portal.chart.ChartMarks;
import com.rapport.survey.annotation.Annotation;

/**
 * A bar per day, as geometry for the template's SVG (no script, no inline style): the
 * bars, the top of the value axis, and staff's events on their day.
 *
 * @param key the figure's message key suffix and element id
 * @param bars one per day, oldest first; days without a value have no bar
 * @param max the value at the top of the chart
 * @param marks staff's events on the chart
 * @param top the value at the top of the chart, as a number
 */
public record DailyChart(String key, List<Bar> bars, String max, List<ChartMarks.Mark> marks, double top) {

	static final int WIDTH = 600;

	static final int HEIGHT = 160;

	private static final int TOP = 8;

	private static final int BOTTOM = 4;

	public DailyChart {
		bars = List.copyOf(bars);
		marks = List.copyOf(marks);
	}

	/**
	 * Draws a figure of each day.
	 * @param key the figure
	 * @param days the days
	 * @param value the day's value, or null when it has none (a rate without visits)
	 * @param fixedMax the top of the scale (100 for a percentage), or 0 for the largest
	 * value
	 * @param annotations staff's events of the period
	 * @return the chart
	 */
	static DailyChart of(String key, List<EngagementPeriod.Day> days,
			Function<EngagementPeriod.Day, ? extends Number> value, double fixedMax, List<Annotation> annotations) {
		double max = fixedMax;
		if (max <= 0) {
			max = days.stream().map(value).filter((v) -> v != null).mapToDouble(Number::doubleValue).max().orElse(0);
			max = Math.max(1, max);
		}
		double slot = (double) WIDTH / Math.max(1, days.size());
		double plot = HEIGHT - TOP - BOTTOM;
		List<Bar> bars = new ArrayList<>();
		List<LocalDate> starts = new ArrayList<>();
		List<String> xs = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			EngagementPeriod.Day day = days.get(i);
			Number v = value.apply(day);
			double height = (v == null) ? 0 : plot * Math.min(v.doubleValue(), max) / max;
			double x = i * slot;
			starts.add(day.day());
			xs.add(fmt(x + slot / 2));
			bars.add(
					new Bar(day.day(), v, fmt(x + slot * 0.1), fmt(TOP + plot - height), fmt(slot * 0.8), fmt(height)));
		}
		String top = (fixedMax > 0) ? "100%" : String.valueOf((long) max);
		return new DailyChart(key, bars, top, ChartMarks.marks(starts, xs, annotations), max);
	}

	/**
	 * The same bars as a panel of the PNG export.
	 * @param name the figure's name in the reader's language
	 * @return the panel
	 */
	PeriodChart.Panel panel(String name) {
		return PeriodChart.Panel.bars(name,
				this.bars.stream().map((b) -> (b.value() != null) ? b.value().doubleValue() : Double.NaN).toList(),
				this.top);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One day's bar.
	 *
	 * @param day the day
	 * @param value its value, or null
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 */
	public record Bar(LocalDate day, Number value, String x, String y, String width, String height) {
	}

}

package com.rapport.portal.chart;

import java.util.List;

/**
 * A chart of named bars: a distribution of scale values, or a metric per group.
 *
 * @param title the chart's title
 * @param subtitle what is shown
 * @param valueName the value axis' name
 * @param bars the bars, in order
 * @param horizontal whether the bars lie (long labels such as breakdown values)
 * @param min the bottom of the value axis, or NaN for 0
 * @param max the top of the value axis, or NaN to fit
 */
public record BarChart(String title, String subtitle, String valueName, List<Bar> bars, boolean horizontal, double min,
		double max) {

	public BarChart {
		bars = List.copyOf(bars);
	}

	/**
	 * One bar.
	 *
	 * @param label its label
	 * @param value its value, NaN for none
	 * @param tone its colour
	 */
	public record Bar(String label, double value, Tone tone) {
	}

}

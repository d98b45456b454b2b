package com.rapport.portal.survey;

import com.rapport.portal.chart.ChartMarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.rapport.portal.chart.BarChart;
import com.rapport.portal.chart.PeriodChart;
import com.rapport.portal.chart.Tone;
import com.rapport.portal.survey.SurveyResultsPage.BreakdownRow;
import com.rapport.portal.survey.SurveyResultsPage.QuestionView;

/**
 * The results page's charts for the PNG export, taken from the rows of the page's view:
 * the figures are those of its SVG, data tables and CSV, as rounded by the metric's
 * definition.
 */
final class ResultsImages {

	private ResultsImages() {
	}

	/**
	 * The trend line with its 95% band on the metric's whole scale, and staff's events.
	 */
	static PeriodChart trend(QuestionView question, String subtitle, String headline) {
		SvgCharts.Trend trend = question.trend();
		List<String> periods = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<Double> low = new ArrayList<>();
		List<Double> high = new ArrayList<>();
		for (SvgCharts.TrendRow row : trend.rows()) {
			periods.add(row.label());
			values.add(number(row.value()));
			low.add(number(row.low()));
			high.add(number(row.high()));
		}
		PeriodChart.Panel panel = new PeriodChart.Panel(headline, PeriodChart.Kind.LINE,
				List.of(new PeriodChart.Series(headline, Tone.PRIMARY, values)), low, high,
				SvgCharts.low(question.headline()), SvgCharts.high(question.headline()));
		return new PeriodChart(question.prompt(), subtitle, periods, List.of(panel), ChartMarks.markers(trend.marks()));
	}

	/**
	 * The answers per scale value; NPS bars coloured by group.
	 */
	static BarChart distribution(QuestionView question, String subtitle, String answers) {
		List<BarChart.Bar> bars = new ArrayList<>();
		for (SvgCharts.Bar bar : question.distribution().bars()) {
			Tone tone = bar.css().contains("promoter") ? Tone.POSITIVE : bar.css().contains("passive") ? Tone.NEUTRAL
					: bar.css().contains("detractor") ? Tone.NEGATIVE : Tone.PRIMARY;
			bars.add(new BarChart.Bar(Integer.toString(bar.value()), bar.count(), tone));
		}
		return new BarChart(question.prompt(), subtitle, answers, bars, false, Double.NaN, Double.NaN);
	}

	/**
	 * The headline metric per value of each breakdown, greyed where there are not enough
	 * answers to trust it.
	 */
	static BarChart breakdown(QuestionView question, String subtitle, String valueName,
			Function<String, String> dimensionLabel, BiFunction<String, String, String> valueLabel) {
		List<BarChart.Bar> bars = new ArrayList<>();
		for (Map.Entry<String, List<BreakdownRow>> entry : question.breakdowns().entrySet()) {
			for (BreakdownRow row : entry.getValue()) {
				bars.add(new BarChart.Bar(
						dimensionLabel.apply(entry.getKey()) + ": " + valueLabel.apply(entry.getKey(), row.value()),
						number(row.metric().value()), row.metric().enough() ? Tone.PRIMARY : Tone.MUTED));
			}
		}
		return new BarChart(question.prompt(), subtitle, valueName, bars, true, SvgCharts.low(question.headline()),
				SvgCharts.high(question.headline()));
	}

	/** A figure as the page shows it (plain decimal), NaN where it shows none. */
	static double number(String shown) {
		return (shown == null || shown.isEmpty()) ? Double.NaN : Double.parseDouble(shown);
	}

}

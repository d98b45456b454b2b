package com.rapport.portal.survey;

import com.rapport.portal.chart.ChartMarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.metrics.Estimate;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.metrics.ScoreCounts;

/**
 * The geometry of the results charts, drawn by the template as SVG (no script, no inline
 * style: colours come from classes of the stylesheet). Each chart also has its data for
 * the accessible table and the CSV export.
 */
final class SvgCharts {

	static final int WIDTH = 600;

	static final int HEIGHT = 220;

	private static final int LEFT = 44;

	private static final int RIGHT = 10;

	private static final int TOP = 10;

	private static final int BOTTOM = 30;

	private SvgCharts() {
	}

	/**
	 * Bars of the answers per scale value; NPS bars are coloured by group.
	 */
	static Distribution distribution(ScoreCounts scores, boolean nps) {
		int values = scores.max() - scores.min() + 1;
		double slot = (double) (WIDTH - LEFT - RIGHT) / values;
		double plot = HEIGHT - TOP - BOTTOM;
		long n = scores.n();
		long max = 1;
		for (int v = scores.min(); v <= scores.max(); v++) {
			max = Math.max(max, scores.count(v));
		}
		List<Bar> bars = new ArrayList<>();
		for (int v = scores.min(); v <= scores.max(); v++) {
			long count = scores.count(v);
			double height = plot * count / max;
			double x = LEFT + (v - scores.min()) * slot;
			String group = !nps ? "bar"
					: (v >= 9) ? "bar bar-promoter" : (v >= 7) ? "bar bar-passive" : "bar bar-detractor";
			bars.add(new Bar(v, count, MetricDefinition.FUNNEL.format(percent(count, n)), group, fmt(x + slot * 0.15),
					fmt(TOP + plot - height), fmt(slot * 0.7), fmt(height), fmt(x + slot / 2),
					fmt(HEIGHT - BOTTOM + 16)));
		}
		return new Distribution(bars, n);
	}

	/**
	 * A line of the metric per period with its 95% band, on the metric's whole scale.
	 */
	static Trend trend(List<SurveyResultsPage.TrendPoint> points, MetricDefinition definition,
			List<Annotation> annotations) {
		double low = low(definition);
		double high = high(definition);
		double plot = HEIGHT - TOP - BOTTOM;
		double step = (points.size() <= 1) ? 0 : (double) (WIDTH - LEFT - RIGHT - 20) / (points.size() - 1);
		List<TrendRow> rows = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		List<String> upper = new ArrayList<>();
		List<String> lower = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			Estimate estimate = points.get(i).estimate();
			double x = LEFT + 10 + i * step;
			String xs = fmt(x);
			String y = "";
			if (estimate.n() > 0) {
				y = fmt(y(estimate.value(), low, high, plot));
				line.append(line.isEmpty() ? "" : " ").append(xs).append(',').append(y);
				if (!Double.isNaN(estimate.margin())) {
					upper.add(xs + "," + fmt(y(Math.min(high, estimate.high()), low, high, plot)));
					lower.add(0, xs + "," + fmt(y(Math.max(low, estimate.low()), low, high, plot)));
				}
			}
			rows.add(new TrendRow(points.get(i).label(), definition.format(estimate.value()),
					definition.format(estimate.n() > 0 ? Math.max(low, estimate.low()) : Double.NaN),
					definition.format(estimate.n() > 0 ? Math.min(high, estimate.high()) : Double.NaN), estimate.n(),
					estimate.enough(), xs, y));
		}
		List<String> band = new ArrayList<>(upper);
		band.addAll(lower);
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			double value = low + (high - low) * i / 4;
			ticks.add(new Tick(definition.format(value), fmt(y(value, low, high, plot))));
		}
		List<ChartMarks.Mark> marks = ChartMarks.marks(
				points.stream().map(SurveyResultsPage.TrendPoint::start).toList(),
				rows.stream().map(TrendRow::x).toList(), annotations);
		return new Trend(rows, line.toString(), String.join(" ", band), ticks, fmt(y(low, low, high, plot)),
				fmt(HEIGHT - BOTTOM + 16), marks);
	}

	/**
	 * The bottom of the metric's whole scale: -100 for NPS, the scale for means, else 0%.
	 */
	static double low(MetricDefinition definition) {
		return (definition == MetricDefinition.NPS) ? -100 : isMean(definition) ? definition.min() : 0;
	}

	/** The top of the metric's whole scale. */
	static double high(MetricDefinition definition) {
		return (definition == MetricDefinition.NPS) ? 100 : isMean(definition) ? definition.max() : 100;
	}

	/**
	 * A small line of the metric per week, on its whole scale, for the overview cards;
	 * weeks without answers leave a gap in the data table and are skipped by the line.
	 * @param weeks the estimates, oldest first
	 * @param width the drawing's width
	 * @param height the drawing's height
	 * @return the polyline's points
	 */
	static String sparkline(List<Estimate> weeks, int width, int height) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < weeks.size(); i++) {
			Estimate estimate = weeks.get(i);
			if (estimate.n() > 0) {
				MetricDefinition definition = estimate.definition();
				double y = 2 + (height - 4)
						* (1 - (estimate.value() - low(definition)) / (high(definition) - low(definition)));
				points.append(points.isEmpty() ? "" : " ")
					.append(sparklineX(i, weeks.size(), width))
					.append(',')
					.append(fmt(y));
			}
		}
		return points.toString();
	}

	/** The x of the i-th of {@code count} points of a sparkline. */
	static String sparklineX(int i, int count, int width) {
		double step = (count <= 1) ? 0 : (double) (width - 4) / (count - 1);
		return fmt(2 + i * step);
	}

	private static boolean isMean(MetricDefinition definition) {
		return definition == MetricDefinition.CES_MEAN || definition == MetricDefinition.RATING_MEAN;
	}

	private static double y(double value, double low, double high, double plot) {
		return TOP + plot - plot * (value - low) / (high - low);
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static double percent(long part, long whole) {
		return (whole == 0) ? Double.NaN : 100.0 * part / whole;
	}

	/** The bars of a distribution. */
	record Distribution(List<Bar> bars, long n) {

		Distribution {
			bars = List.copyOf(bars);
		}

		public int width() {
			return WIDTH;
		}

		public int height() {
			return HEIGHT;
		}

	}

	/** One bar: its value, count, percent of answers, CSS class and geometry. */
	record Bar(int value, long count, String percent, String css, String x, String y, String width, String height,
			String labelX, String labelY) {
	}

	/** A trend line with its band and axis ticks. */
	record Trend(List<TrendRow> rows, String line, String band, List<Tick> ticks, String axisY, String labelY,
			List<ChartMarks.Mark> marks) {

		Trend {
			rows = List.copyOf(rows);
			ticks = List.copyOf(ticks);
			marks = List.copyOf(marks);
		}

		public int width() {
			return WIDTH;
		}

		public int height() {
			return HEIGHT;
		}

		public int left() {
			return LEFT;
		}

	}

	/** One period of a trend, for the table and the CSV. */
	record TrendRow(String label, String value, String low, String high, long n, boolean enough, String x, String y) {
	}

	/** A tick of the value axis. */
	record Tick(String label, String y) {
	}

}

package com.rapport.portal.listening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rapport.community.listening.TermPeriod;
import com.rapport.portal.chart.ChartMarks;
import com.rapport.survey.annotation.Annotation;

/**
 * The geometry of a term's chart, drawn by the template as SVG: one stacked bar per
 * period (negative, neutral, positive, not analysed from the bottom up), its height the
 * number of mentions on a scale from 0 to the term's busiest period. Colours come from
 * stylesheet classes, as the CSP allows no inline style.
 */
record TermChart(List<Column> columns, List<Tick> ticks, List<ChartMarks.Mark> marks, String axisY, String labelY) {

	static final int WIDTH = 600;

	static final int HEIGHT = 220;

	static final int LEFT = 44;

	private static final int RIGHT = 10;

	private static final int TOP = 10;

	private static final int BOTTOM = 30;

	TermChart {
		columns = List.copyOf(columns);
		ticks = List.copyOf(ticks);
		marks = List.copyOf(marks);
	}

	static TermChart of(List<TermPeriod> periods, List<Annotation> annotations, int labelEvery) {
		double plot = HEIGHT - TOP - BOTTOM;
		double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, periods.size());
		int max = Math.max(1, periods.stream().mapToInt(TermPeriod::mentions).max().orElse(0));
		int top = niceTop(max);
		List<Column> columns = new ArrayList<>();
		List<String> xs = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			TermPeriod period = periods.get(i);
			double x = LEFT + i * slot;
			double bottom = TOP + plot;
			List<Segment> segments = new ArrayList<>();
			int[] counts = { period.negative(), period.neutral(), period.positive(), period.unanalysed() };
			for (int s = 0; s < counts.length; s++) {
				if (counts[s] > 0) {
					double height = plot * counts[s] / top;
					bottom -= height;
					segments.add(new Segment(SEGMENT_CSS[s], fmt(bottom), fmt(height)));
				}
			}
			String center = fmt(x + slot / 2);
			xs.add(center);
			columns.add(new Column(period.start(), fmt(x + slot * 0.15), fmt(slot * 0.7), center, segments,
					(i % labelEvery == 0 || i == periods.size() - 1) ? label(period.start()) : ""));
		}
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			int value = top * i / 4;
			ticks.add(new Tick(Integer.toString(value), fmt(TOP + plot - plot * value / top)));
		}
		List<ChartMarks.Mark> marks = ChartMarks.marks(periods.stream().map(TermPeriod::start).toList(), xs,
				annotations);
		return new TermChart(columns, ticks, marks, fmt(TOP + plot), fmt(HEIGHT - BOTTOM + 16));
	}

	private static final String[] SEGMENT_CSS = { "bar bar-detractor", "bar bar-passive", "bar bar-promoter", "bar" };

	/**
	 * The axis top: the smallest of 4, 8, 20, 40, 80, 200, ... at or above the maximum.
	 */
	static int niceTop(int max) {
		int step = 1;
		while (true) {
			for (int factor : new int[] { 4, 8, 20 }) {
				if (factor * step >= max) {
					return factor * step;
				}
			}
			step *= 10;
		}
	}

	private static String label(LocalDate day) {
		return String.format(Locale.ROOT, "%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
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

	/** One period's bar. */
	record Column(LocalDate start, String x, String width, String center, List<Segment> segments, String label) {

		Column {
			segments = List.copyOf(segments);
		}

	}

	/** A part of a bar: one sentiment label's mentions. */
	record Segment(String css, String y, String height) {
	}

	/** A tick of the count axis. */
	record Tick(String label, String y) {
	}

}

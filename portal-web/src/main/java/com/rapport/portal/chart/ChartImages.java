package com.rapport.portal.chart;

import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Draws a staff chart as a PNG download with JFreeChart, headless, in a font that has the
 * glyphs of its labels (see {@link ChartFonts}). When the server cannot draw (no font
 * configuration, no font at all), the answer is 503 with a short message in the reader's
 * language pointing to the CSV, never a stack trace.
 */
@Component
public class ChartImages {

	static final int WIDTH = 900;

	private static final int PANEL_HEIGHT = 240;

	private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

	private static final Color MARK = new Color(0x55, 0x55, 0x55);

	private static final Logger log = LoggerFactory.getLogger(ChartImages.class);

	private final MessageSource messages;

	private volatile ChartFonts fonts;

	ChartImages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A chart of periods as a PNG download.
	 * @param filename the file's name, ending in .png
	 * @param chart the figures
	 * @param locale the reader's language, for the message when drawing fails
	 * @return the image, or 503 with a message
	 */
	public ResponseEntity<byte[]> png(String filename, PeriodChart chart, Locale locale) {
		return respond(filename, locale,
				() -> encode(draw(chart), WIDTH, 110 + PANEL_HEIGHT * Math.max(1, chart.panels().size())));
	}

	/**
	 * A chart of named bars as a PNG download.
	 * @param filename the file's name, ending in .png
	 * @param chart the figures
	 * @param locale the reader's language, for the message when drawing fails
	 * @return the image, or 503 with a message
	 */
	public ResponseEntity<byte[]> png(String filename, BarChart chart, Locale locale) {
		int height = chart.horizontal() ? Math.max(320, 150 + 28 * chart.bars().size()) : 480;
		return respond(filename, locale, () -> encode(draw(chart), WIDTH, height));
	}

	private ResponseEntity<byte[]> respond(String filename, Locale locale, Supplier<byte[]> drawing) {
		byte[] png;
		try {
			png = drawing.get();
		}
		catch (RuntimeException | LinkageError | AWTError | InternalError ex) {
			// a headless server without fontconfig or fonts fails inside Java2D
			log.warn("Chart {} could not be drawn as PNG: {}", filename, ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.body(this.messages.getMessage("charts.error", null, locale).getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(png);
	}

	JFreeChart draw(PeriodChart chart) {
		List<String> texts = new ArrayList<>(List.of(chart.title(), chart.subtitle()));
		texts.addAll(chart.periods());
		chart.marks().forEach((m) -> texts.add(m.label()));
		NumberAxis periods = new NumberAxis();
		periods.setRange(-0.5, Math.max(1, chart.periods().size()) - 0.5);
		periods.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		periods.setNumberFormatOverride(new PeriodLabels(chart.periods()));
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(periods);
		plot.setGap(14);
		boolean legend = false;
		List<XYPlot> panels = new ArrayList<>();
		for (PeriodChart.Panel panel : chart.panels()) {
			texts.add(panel.name());
			panel.series().forEach((s) -> texts.add(s.name()));
			legend |= panel.series().size() > 1;
			XYPlot drawn = panel(panel);
			panels.add(drawn);
			plot.add(drawn, 1);
		}
		JFreeChart drawing = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
		drawing.addSubtitle(new TextTitle(chart.subtitle()));
		String family = theme(drawing, texts);
		for (int p = 0; p < panels.size(); p++) {
			for (PeriodChart.Marker mark : chart.marks()) {
				ValueMarker line = new ValueMarker(mark.period(), MARK, new BasicStroke(1f, BasicStroke.CAP_BUTT,
						BasicStroke.JOIN_MITER, 10f, new float[] { 4f, 3f }, 0f));
				if (p == 0) {
					line.setLabel(mark.label());
					line.setLabelFont(new Font(family, Font.PLAIN, 11));
					line.setLabelPaint(MARK);
					line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
					line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
				}
				panels.get(p).addDomainMarker(line, Layer.FOREGROUND);
			}
		}
		return drawing;
	}

	JFreeChart draw(BarChart chart) {
		List<String> texts = new ArrayList<>(List.of(chart.title(), chart.subtitle(), chart.valueName()));
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		Tone[] tones = new Tone[chart.bars().size()];
		for (int i = 0; i < tones.length; i++) {
			BarChart.Bar bar = chart.bars().get(i);
			texts.add(bar.label());
			tones[i] = bar.tone();
			data.addValue(Double.isFinite(bar.value()) ? bar.value() : null, chart.valueName(),
					new Category(i, bar.label()));
		}
		CategoryAxis categories = new CategoryAxis();
		if (chart.horizontal()) {
			categories.setMaximumCategoryLabelWidthRatio(0.4f);
		}
		else if (tones.length > 12) {
			categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		ToneBars renderer = new ToneBars(tones);
		CategoryPlot plot = new CategoryPlot(data, categories, valueAxis(chart.valueName(), chart.min(), chart.max(),
				whole(chart.bars().stream().map(BarChart.Bar::value).toList())), renderer);
		plot.setOrientation(chart.horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
		JFreeChart drawing = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
		drawing.addSubtitle(new TextTitle(chart.subtitle()));
		String family = theme(drawing, texts);
		renderer.setDefaultItemLabelGenerator(
				new StandardCategoryItemLabelGenerator("{2}", NumberFormat.getNumberInstance(Locale.ROOT)));
		renderer.setDefaultItemLabelFont(new Font(family, Font.PLAIN, 11));
		renderer.setDefaultItemLabelsVisible(true);
		return drawing;
	}

	private XYPlot panel(PeriodChart.Panel panel) {
		List<PeriodChart.Series> series = panel.series();
		XYDataset data;
		AbstractXYItemRenderer renderer;
		switch (panel.kind()) {
			case STACKED -> {
				DefaultTableXYDataset table = new DefaultTableXYDataset();
				for (PeriodChart.Series s : series) {
					XYSeries drawn = new XYSeries(s.name(), true, false);
					for (int i = 0; i < s.values().size(); i++) {
						double value = s.values().get(i);
						drawn.add(i, Double.isFinite(value) ? value : 0);
					}
					table.addSeries(drawn);
				}
				table.setIntervalWidth(0.7);
				StackedXYBarRenderer bars = new StackedXYBarRenderer();
				bars.setShadowVisible(false);
				bars.setDrawBarOutline(false);
				data = table;
				renderer = bars;
			}
			case LINE -> {
				YIntervalSeriesCollection band = new YIntervalSeriesCollection();
				PeriodChart.Series s = series.get(0);
				YIntervalSeries drawn = new YIntervalSeries(s.name());
				for (int i = 0; i < s.values().size(); i++) {
					double value = s.values().get(i);
					if (Double.isFinite(value)) {
						drawn.add(i, value, bound(panel.low(), i, value), bound(panel.high(), i, value));
					}
				}
				band.addSeries(drawn);
				DeviationRenderer line = new DeviationRenderer(true, true);
				line.setAutoPopulateSeriesFillPaint(false);
				line.setSeriesFillPaint(0, s.tone().color());
				line.setAlpha(0.2f);
				line.setSeriesStroke(0, new BasicStroke(2f));
				data = band;
				renderer = line;
			}
			default -> {
				XYSeriesCollection columns = new XYSeriesCollection();
				for (PeriodChart.Series s : series) {
					XYSeries drawn = new XYSeries(s.name(), false, true);
					for (int i = 0; i < s.values().size(); i++) {
						double value = s.values().get(i);
						if (Double.isFinite(value)) {
							drawn.add(i, value);
						}
					}
					columns.addSeries(drawn);
				}
				columns.setIntervalWidth(0.7);
				XYBarRenderer bars = new XYBarRenderer();
				bars.setShadowVisible(false);
				bars.setDrawBarOutline(false);
				data = columns;
				renderer = bars;
			}
		}
		renderer.setAutoPopulateSeriesPaint(false);
		for (int i = 0; i < series.size(); i++) {
			renderer.setSeriesPaint(i, series.get(i).tone().color());
		}
		return new XYPlot(data, null, valueAxis(panel.name(), panel.min(), fittedTop(panel),
				series.stream().allMatch((s) -> whole(s.values()))), renderer);
	}

	/**
	 * The panel's top, or one a tenth above its largest figure (stacked: largest sum), at
	 * least 1, so that a period without any figure still has a readable axis.
	 */
	private static double fittedTop(PeriodChart.Panel panel) {
		if (Double.isFinite(panel.max())) {
			return panel.max();
		}
		int periods = panel.series().stream().mapToInt((s) -> s.values().size()).max().orElse(0);
		double top = 0;
		for (int i = 0; i < periods; i++) {
			double sum = 0;
			for (PeriodChart.Series s : panel.series()) {
				double value = (i < s.values().size()) ? s.values().get(i) : Double.NaN;
				if (Double.isFinite(value)) {
					sum = (panel.kind() == PeriodChart.Kind.STACKED) ? sum + value : Math.max(sum, value);
				}
			}
			top = Math.max(top, sum);
		}
		return Math.max(1, top * 1.1);
	}

	/** Whether every figure is a whole number (counts), so the axis ticks only those. */
	private static boolean whole(List<Double> values) {
		return values.stream().filter(Double::isFinite).allMatch((v) -> v == Math.rint(v));
	}

	private static double bound(List<Double> bounds, int i, double value) {
		if (i >= bounds.size()) {
			return value;
		}
		double bound = bounds.get(i);
		return Double.isFinite(bound) ? bound : value;
	}

	private static NumberAxis valueAxis(String name, double min, double max, boolean whole) {
		NumberAxis axis = new NumberAxis(name);
		axis.setAutoRangeIncludesZero(true);
		if (whole) {
			axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		}
		if (Double.isFinite(max)) {
			axis.setRange(Double.isFinite(min) ? min : 0, max);
		}
		return axis;
	}

	/** Applies the house style in a font that can show every text; returns the family. */
	private String theme(JFreeChart drawing, List<String> texts) {
		String family = fonts().familyFor(String.join("", texts));
		StandardChartTheme theme = new StandardChartTheme("rapport", false);
		theme.setExtraLargeFont(new Font(family, Font.BOLD, 18));
		theme.setLargeFont(new Font(family, Font.BOLD, 13));
		theme.setRegularFont(new Font(family, Font.PLAIN, 12));
		theme.setSmallFont(new Font(family, Font.PLAIN, 11));
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setDomainGridlinePaint(GRID);
		theme.setRangeGridlinePaint(GRID);
		theme.setShadowVisible(false);
		theme.setBarPainter(new StandardBarPainter());
		theme.setXYBarPainter(new StandardXYBarPainter());
		theme.apply(drawing);
		return family;
	}

	private ChartFonts fonts() {
		ChartFonts picker = this.fonts;
		if (picker == null) {
			picker = ChartFonts.ofSystem();
			this.fonts = picker;
		}
		return picker;
	}

	private static byte[] encode(JFreeChart drawing, int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ChartUtils.writeChartAsPNG(out, drawing, width, height);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A bar's key: its position, so that two bars of the same label stay two bars; shown
	 * by its label.
	 */
	record Category(int index, String label) implements Comparable<Category> {

		@Override
		public int compareTo(Category other) {
			return Integer.compare(this.index, other.index);
		}

		@Override
		public String toString() {
			return this.label;
		}

	}

	/** Bars coloured one by one. */
	static final class ToneBars extends BarRenderer {

		private static final long serialVersionUID = 1L;

		private final Tone[] tones;

		ToneBars(Tone[] tones) {
			this.tones = tones.clone();
			setShadowVisible(false);
			setDrawBarOutline(false);
			setMaximumBarWidth(0.08);
		}

		@Override
		public java.awt.Paint getItemPaint(int row, int column) {
			return (column < this.tones.length) ? this.tones[column].color() : Tone.PRIMARY.color();
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other) && java.util.Arrays.equals(this.tones, ((ToneBars) other).tones);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

	}

	/** The label of the period at a whole-number position of the axis, none between. */
	static final class PeriodLabels extends NumberFormat {

		private static final long serialVersionUID = 1L;

		private final String[] labels;

		PeriodLabels(List<String> labels) {
			this.labels = labels.toArray(String[]::new);
		}

		@Override
		public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
			// the axis also formats its ends (-0.5, n - 0.5) to measure the labels
			if (this.labels.length > 0) {
				long index = Math.max(0, Math.min(this.labels.length - 1, Math.round(number)));
				to.append(this.labels[(int) index]);
			}
			return to;
		}

		@Override
		public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
			return format((double) number, to, position);
		}

		@Override
		public Number parse(String source, ParsePosition position) {
			for (int i = 0; i < this.labels.length; i++) {
				if (source.startsWith(this.labels[i], position.getIndex())) {
					position.setIndex(position.getIndex() + this.labels[i].length());
					return i;
				}
			}
			return null;
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other) && java.util.Arrays.equals(this.labels, ((PeriodLabels) other).labels);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

	}

}

package com.rapport.portal.survey;

import com.rapport.portal.chart.ChartMarks;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import com.rapport.portal.chart.PeriodChart;
import com.rapport.portal.chart.Tone;
import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.annotation.Annotations;
import com.rapport.survey.metrics.Estimate;
import com.rapport.survey.metrics.MetricDefinition;
import com.rapport.survey.results.ScoreTrends;

import org.springframework.stereotype.Component;

/**
 * The NPS, CES and CSAT cards of the staff overview: the last 30 days with the margin and
 * a sparkline of the last 12 weeks, each with the same figures as a data table.
 */
@Component
public class ScoreCards {

	static final int WIDTH = 120;

	static final int HEIGHT = 32;

	private final ScoreTrends trends;

	private final Annotations annotations;

	ScoreCards(ScoreTrends trends, Annotations annotations) {
		this.trends = trends;
		this.annotations = annotations;
	}

	/**
	 * The cards, NPS first.
	 * @return one card per headline metric
	 */
	public List<Card> cards() {
		List<ScoreTrends.MetricTrend> trends = this.trends.overview();
		if (trends.isEmpty()) {
			return List.of();
		}
		List<ScoreTrends.WeekEstimate> weeks = trends.get(0).weeks();
		List<Annotation> events = this.annotations.between(weeks.get(0).monday(),
				weeks.get(weeks.size() - 1).monday().plusDays(6));
		return trends.stream().map((t) -> card(t, events)).toList();
	}

	static Card card(ScoreTrends.MetricTrend trend, List<Annotation> events) {
		List<Estimate> estimates = trend.weeks().stream().map(ScoreTrends.WeekEstimate::estimate).toList();
		List<Week> weeks = trend.weeks()
			.stream()
			.map((w) -> new Week(w.monday(), w.estimate().definition().format(w.estimate().value()), w.estimate().n(),
					w.estimate().enough()))
			.toList();
		Estimate current = trend.current();
		MetricDefinition definition = trend.definition();
		List<String> xs = new java.util.ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			xs.add(SvgCharts.sparklineX(i, weeks.size(), WIDTH));
		}
		List<ChartMarks.Mark> marks = ChartMarks.marks(weeks.stream().map(Week::monday).toList(), xs, events);
		return new Card(definition, definition.format(current.value()), definition.formatMargin(current.margin()),
				current.n(), current.enough(), SvgCharts.sparkline(estimates, WIDTH, HEIGHT), weeks, marks);
	}

	/**
	 * The weekly figures of the cards as one chart for the PNG export, a panel per metric
	 * on its whole scale: the values of the cards' data tables.
	 * @param cards the cards
	 * @param title the chart's title
	 * @param subtitle what it shows
	 * @param names the name of each metric in the reader's language
	 * @return the chart
	 */
	public static PeriodChart chart(List<Card> cards, String title, String subtitle,
			Function<MetricDefinition, String> names) {
		List<String> weeks = cards.isEmpty() ? List.of()
				: cards.get(0).weeks().stream().map((w) -> w.monday().toString()).toList();
		List<PeriodChart.Panel> panels = cards.stream().map((card) -> {
			String name = names.apply(card.definition());
			List<Double> values = card.weeks().stream().map((w) -> ResultsImages.number(w.value())).toList();
			return new PeriodChart.Panel(name, PeriodChart.Kind.LINE,
					List.of(new PeriodChart.Series(name, Tone.PRIMARY, values)), List.of(), List.of(),
					SvgCharts.low(card.definition()), SvgCharts.high(card.definition()));
		}).toList();
		return new PeriodChart(title, subtitle, weeks, panels,
				cards.isEmpty() ? List.of() : ChartMarks.markers(cards.get(0).marks()));
	}

	/**
	 * One headline metric.
	 *
	 * @param definition the metric
	 * @param value the last 30 days, formatted; empty without answers
	 * @param margin its 95% margin, formatted; empty when it has none
	 * @param n the answers counted
	 * @param enough whether there are enough answers to trust it
	 * @param sparkline the points of the weekly line
	 * @param weeks the weekly figures for the data table
	 * @param marks staff's events of those weeks
	 */
	public record Card(MetricDefinition definition, String value, String margin, long n, boolean enough,
			String sparkline, List<Week> weeks, List<ChartMarks.Mark> marks) {

		public Card {
			weeks = List.copyOf(weeks);
			marks = List.copyOf(marks);
		}

		public int width() {
			return WIDTH;
		}

		public int height() {
			return HEIGHT;
		}

	}

	/**
	 * The metric over one week.
	 *
	 * @param monday the week's first day
	 * @param value the metric, formatted; empty without answers
	 * @param n the answers counted
	 * @param enough whether there are enough answers to trust it
	 */
	public record Week(LocalDate monday, String value, long n, boolean enough) {
	}

}

package com.rapport.portal.staff;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.rapport.community.health.CommunityHealth;
import com.rapport.portal.chart.ChartImages;
import com.rapport.portal.chart.PeriodChart;
import com.rapport.portal.chart.ChartMarks;
import com.rapport.survey.annotation.Annotations;
import com.rapport.community.health.HealthOverview;
import com.rapport.community.member.Viewer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's picture of community health: members, activity, topics, replies and flags
 * per day, response times against the target, solved and unanswered topics, and the
 * sentiment of posts per category week by week, with the daily figures as CSV and PNG.
 * Periods longer than {@link #DAILY_UP_TO} days are charted and tabled week by week (365
 * bars and rows a figure are unreadable and slow to render); the CSV stays daily.
 */
@Controller
class CommunityHealthController {

	static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

	static final int SENTIMENT_WEEKS = 8;

	static final int DAILY_UP_TO = 90;

	static final List<String> FIGURES = List.of("newMembers", "topics", "replies", "flags");

	private final CommunityHealth health;

	private final Annotations annotations;

	private final ChartImages images;

	private final MessageSource messages;

	CommunityHealthController(CommunityHealth health, Annotations annotations, ChartImages images,
			MessageSource messages) {
		this.health = health;
		this.annotations = annotations;
		this.images = images;
		this.messages = messages;
	}

	@GetMapping("/staff/community")
	String overview(@RequestParam(defaultValue = "30") int days, Viewer viewer, Model model) {
		int period = PERIODS.contains(days) ? days : 30;
		HealthOverview overview = this.health.overview(viewer, period);
		List<HealthOverview.DayFigures> rows = rows(overview, period);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("figures", FIGURES);
		model.addAttribute("health", overview);
		model.addAttribute("weekly", period > DAILY_UP_TO);
		model.addAttribute("rows", rows);
		model.addAttribute("max", FIGURES.stream()
			.collect(Collectors.toMap((f) -> f, (f) -> rows.stream().mapToInt((d) -> d.get(f)).max().orElse(0))));
		model.addAttribute("sentiment", this.health.sentimentByCategory(viewer, SENTIMENT_WEEKS));
		model.addAttribute("marks", marks(overview, rows));
		return "staff/community";
	}

	/** The bars and table rows of the charts: days, or weeks over a long period. */
	private static List<HealthOverview.DayFigures> rows(HealthOverview overview, int period) {
		return (period > DAILY_UP_TO) ? overview.weeks() : overview.days();
	}

	/**
	 * Staff's events of the period on the bars, at the x of their day's or week's bar.
	 */
	private List<ChartMarks.Mark> marks(HealthOverview overview, List<HealthOverview.DayFigures> rows) {
		List<LocalDate> shown = rows.stream().map(HealthOverview.DayFigures::day).toList();
		List<String> xs = IntStream.range(0, shown.size()).mapToObj((i) -> (i * 10 + 5) + "").toList();
		return shown.isEmpty() ? List.of()
				: ChartMarks.marks(shown, xs, this.annotations.between(overview.from(), overview.to()));
	}

	/**
	 * The daily bars of the page as one PNG image for reports: the same figures and
	 * events.
	 */
	@GetMapping("/staff/community.png")
	ResponseEntity<byte[]> png(@RequestParam(defaultValue = "30") int days, Viewer viewer, Locale locale) {
		int period = PERIODS.contains(days) ? days : 30;
		HealthOverview overview = this.health.overview(viewer, period);
		List<HealthOverview.DayFigures> rows = rows(overview, period);
		List<PeriodChart.Panel> panels = FIGURES.stream()
			.map((f) -> PeriodChart.Panel.bars(this.messages.getMessage("health.figure." + f, null, locale),
					rows.stream().map((d) -> (double) d.get(f)).toList(), Double.NaN))
			.toList();
		String span = (period > DAILY_UP_TO) ? "health.periodWeekly" : "health.period";
		PeriodChart chart = new PeriodChart(this.messages.getMessage("health.title", null, locale),
				this.messages.getMessage(span, new Object[] { overview.from(), overview.to() }, locale),
				rows.stream().map((d) -> d.day().toString()).toList(), panels,
				ChartMarks.markers(marks(overview, rows)));
		return this.images.png("community-" + overview.to() + ".png", chart, locale);
	}

	@GetMapping("/staff/community.csv")
	ResponseEntity<String> csv(@RequestParam(defaultValue = "30") int days, Viewer viewer) throws IOException {
		int period = PERIODS.contains(days) ? days : 30;
		HealthOverview overview = this.health.overview(viewer, period);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader("day", "new_members", "topics", "replies", "flags").get())) {
			for (HealthOverview.DayFigures day : overview.days()) {
				csv.printRecord(day.day(), day.newMembers(), day.topics(), day.replies(), day.flags());
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("community-" + overview.to() + ".csv").build().toString())
			.body(out.toString());
	}

}

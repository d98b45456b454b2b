package com.rapport.portal.engage;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rapport.community.member.Viewer;
import com.rapport.portal.chart.ChartImages;
import com.rapport.portal.chart.PeriodChart;
import com.rapport.portal.chart.ChartMarks;
import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.annotation.Annotations;
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
 * The staff's engagement page: page views, visits and bounce rate per day, and the
 * click-through of survey invitations and notification mails per channel, over 7, 30 or
 * 90 days, each chart with its data table, and the daily figures as CSV and PNG.
 */
@Controller
class EngagementController {

	static final List<Integer> PERIODS = List.of(7, 30, 90);

	private final EngagementReport report;

	private final Annotations annotations;

	private final ChartImages images;

	private final MessageSource messages;

	EngagementController(EngagementReport report, Annotations annotations, ChartImages images, MessageSource messages) {
		this.report = report;
		this.annotations = annotations;
		this.images = images;
		this.messages = messages;
	}

	@GetMapping("/staff/engagement")
	String page(@RequestParam(defaultValue = "30") String days, Viewer viewer, Model model) {
		int period = period(days);
		EngagementPeriod figures = this.report.lastDays(viewer, period);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("engagement", figures);
		model.addAttribute("surveyChannels", SurveyChannel.ALL);
		model.addAttribute("mailChannels", EngagementReport.MAIL_CHANNELS);
		model.addAttribute("charts", charts(figures));
		return "engage/engagement";
	}

	private List<DailyChart> charts(EngagementPeriod figures) {
		List<Annotation> events = this.annotations.between(figures.from(), figures.to());
		return List.of(DailyChart.of("pageViews", figures.days(), EngagementPeriod.Day::pageViews, 0, events),
				DailyChart.of("visits", figures.days(), EngagementPeriod.Day::visits, 0, events),
				DailyChart.of("bounceRate", figures.days(), EngagementPeriod.Day::bounceRate, 100, events));
	}

	/**
	 * The page's three daily charts as one PNG image for reports: the same bars and
	 * events.
	 */
	@GetMapping("/staff/engagement.png")
	ResponseEntity<byte[]> png(@RequestParam(defaultValue = "30") String days, Viewer viewer, Locale locale) {
		EngagementPeriod figures = this.report.lastDays(viewer, period(days));
		List<DailyChart> charts = charts(figures);
		PeriodChart chart = new PeriodChart(this.messages.getMessage("engage.title", null, locale),
				this.messages.getMessage("engage.period", new Object[] { figures.from(), figures.to() }, locale),
				figures.days().stream().map((d) -> d.day().toString()).toList(),
				charts.stream()
					.map((c) -> c.panel(this.messages.getMessage("engage.figure." + c.key(), null, locale)))
					.toList(),
				ChartMarks.markers(charts.get(0).marks()));
		return this.images.png("engagement-" + figures.to() + ".png", chart, locale);
	}

	@GetMapping("/staff/engagement.csv")
	ResponseEntity<String> csv(@RequestParam(defaultValue = "30") String days, Viewer viewer) throws IOException {
		EngagementPeriod figures = this.report.lastDays(viewer, period(days));
		List<String> header = new ArrayList<>(
				List.of("day", "page_views", "visits", "multi_page_visits", "bounce_rate_percent"));
		for (String channel : SurveyChannel.ALL) {
			header.addAll(List.of("survey_" + channel + "_shown", "survey_" + channel + "_opened",
					"survey_" + channel + "_rate_percent"));
		}
		for (String channel : EngagementReport.MAIL_CHANNELS) {
			String name = channel.replace('-', '_');
			header.addAll(List.of(name + "_sent", name + "_clicked", name + "_rate_percent"));
		}
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (EngagementPeriod.Day day : figures.days()) {
				List<Object> row = new ArrayList<>(List.of(day.day(), day.pageViews(), day.visits(),
						day.multiPageVisits(), blank(day.bounceRate())));
				for (String channel : SurveyChannel.ALL) {
					EngagementPeriod.Rate rate = day.surveys().get(channel);
					row.addAll(List.of(rate.shown(), rate.opened(), blank(rate.rate())));
				}
				for (String channel : EngagementReport.MAIL_CHANNELS) {
					EngagementPeriod.Rate rate = day.mails().get(channel);
					row.addAll(List.of(rate.shown(), rate.opened(), blank(rate.rate())));
				}
				csv.printRecord(row);
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("engagement-" + figures.to() + ".csv").build().toString())
			.body(out.toString());
	}

	/** 7, 30 or 90; anything else (also not a number) shows 30. */
	static int period(String days) {
		for (int p : PERIODS) {
			if (String.valueOf(p).equals(days)) {
				return p;
			}
		}
		return 30;
	}

	private static Object blank(Double value) {
		return (value != null) ? value : "";
	}

}

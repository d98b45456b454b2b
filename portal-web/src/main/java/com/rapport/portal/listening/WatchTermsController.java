package com.rapport.portal.listening;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import com.rapport.community.listening.TermPeriod;
import com.rapport.community.listening.WatchTerm;
import com.rapport.community.listening.WatchTermAlerts;
import com.rapport.community.listening.WatchTermTrends;
import com.rapport.community.listening.WatchTermTrends.Granularity;
import com.rapport.community.listening.WatchTermTrends.TermTrend;
import com.rapport.community.listening.WatchTerms;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.portal.chart.ChartImages;
import com.rapport.portal.chart.PeriodChart;
import com.rapport.portal.chart.Tone;
import com.rapport.portal.chart.ChartMarks;
import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.annotation.Annotations;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Social listening for staff (the path is STAFF only, the services check again): the
 * watched terms with their mentions per day or week and their sentiment, the posts and
 * answers behind a term, and the same figures as CSV and, per term, as a PNG image.
 */
@Controller
class WatchTermsController {

	private final WatchTerms terms;

	private final WatchTermTrends trends;

	private final WatchTermAlerts alerts;

	private final Annotations annotations;

	private final ChartImages images;

	private final MessageSource messages;

	WatchTermsController(WatchTerms terms, WatchTermTrends trends, WatchTermAlerts alerts, Annotations annotations,
			ChartImages images, MessageSource messages) {
		this.terms = terms;
		this.trends = trends;
		this.alerts = alerts;
		this.annotations = annotations;
		this.images = images;
		this.messages = messages;
	}

	@GetMapping("/staff/watch-terms")
	String list(@RequestParam(name = "by", defaultValue = "week") String by, Viewer viewer, Model model) {
		Granularity granularity = granularity(by);
		List<View> views = views(viewer, granularity);
		model.addAttribute("by", granularity.name().toLowerCase(Locale.ROOT));
		model.addAttribute("terms", views);
		model.addAttribute("rule", this.alerts.rule());
		model.addAttribute("maxTerm", WatchTerms.MAX_TERM);
		return "listening/watch-terms";
	}

	/** Each term with its chart; the chart marks staff's events of the periods shown. */
	private List<View> views(Viewer viewer, Granularity granularity) {
		List<TermTrend> trends = this.trends.trends(viewer, granularity);
		if (trends.isEmpty()) {
			return List.of();
		}
		List<TermPeriod> first = trends.get(0).periods();
		LocalDate from = first.get(0).start();
		LocalDate to = first.get(first.size() - 1).start().plusDays((granularity == Granularity.DAY) ? 0 : 6);
		List<Annotation> events = this.annotations.between(from, to);
		int labelEvery = (granularity == Granularity.DAY) ? 7 : 2;
		return trends.stream()
			.map((trend) -> new View(trend, TermChart.of(trend.periods(), events, labelEvery)))
			.toList();
	}

	/**
	 * A term's chart as a PNG image for reports: the same stacked bars and events.
	 */
	@GetMapping("/staff/watch-terms/{id}.png")
	ResponseEntity<byte[]> png(@PathVariable long id, @RequestParam(name = "by", defaultValue = "week") String by,
			Viewer viewer, Locale locale) {
		Granularity granularity = granularity(by);
		View view = views(viewer, granularity).stream()
			.filter((v) -> v.trend().term().id() == id)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<TermPeriod> periods = view.trend().periods();
		List<PeriodChart.Series> series = List.of(
				series("listen.negative", Tone.NEGATIVE, periods, TermPeriod::negative, locale),
				series("listen.neutral", Tone.NEUTRAL, periods, TermPeriod::neutral, locale),
				series("listen.positive", Tone.POSITIVE, periods, TermPeriod::positive, locale),
				series("listen.unanalysed", Tone.MUTED, periods, TermPeriod::unanalysed, locale));
		String term = view.trend().term().term();
		PeriodChart chart = new PeriodChart(term,
				this.messages.getMessage("listen.chart.aria", new Object[] { term }, locale),
				periods.stream().map((p) -> p.start().toString()).toList(),
				List.of(new PeriodChart.Panel(this.messages.getMessage("listen.mentions", null, locale),
						PeriodChart.Kind.STACKED, series, List.of(), List.of(), Double.NaN,
						TermChart
							.niceTop(Math.max(1, periods.stream().mapToInt(TermPeriod::mentions).max().orElse(0))))),
				ChartMarks.markers(view.chart().marks()));
		return this.images.png("watch-term-" + id + "-by-" + granularity.name().toLowerCase(Locale.ROOT) + ".png",
				chart, locale);
	}

	private PeriodChart.Series series(String key, Tone tone, List<TermPeriod> periods, ToIntFunction<TermPeriod> count,
			Locale locale) {
		return new PeriodChart.Series(this.messages.getMessage(key, null, locale), tone,
				periods.stream().map((p) -> (double) count.applyAsInt(p)).toList());
	}

	@PostMapping("/staff/watch-terms")
	String add(@RequestParam(name = "term", defaultValue = "") String term, Viewer viewer,
			RedirectAttributes redirect) {
		try {
			this.terms.add(viewer, term);
			redirect.addFlashAttribute("message", "listen.term.added");
		}
		catch (RejectedException ex) {
			redirect.addFlashAttribute("error", ex.fieldErrors().values().iterator().next());
		}
		return "redirect:/staff/watch-terms";
	}

	@PostMapping("/staff/watch-terms/{id}/remove")
	String remove(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		if (this.terms.remove(viewer, id)) {
			redirect.addFlashAttribute("message", "listen.term.removed");
		}
		else {
			redirect.addFlashAttribute("error", "listen.term.notFound");
		}
		return "redirect:/staff/watch-terms";
	}

	@GetMapping("/staff/watch-terms/{id}")
	String mentions(@PathVariable long id, Viewer viewer, Model model) {
		WatchTerm term = this.terms.find(viewer, id);
		if (term == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("term", term);
		model.addAttribute("mentions", this.trends.mentions(viewer, id));
		model.addAttribute("shown", WatchTermTrends.MENTIONS_SHOWN);
		return "listening/watch-term";
	}

	@GetMapping("/staff/watch-terms.csv")
	ResponseEntity<String> csv(@RequestParam(name = "by", defaultValue = "week") String by, Viewer viewer)
			throws IOException {
		Granularity granularity = granularity(by);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("term", "period_start", "mentions", "negative", "neutral", "positive", "not_analysed")
					.get())) {
			for (TermTrend trend : this.trends.trends(viewer, granularity)) {
				for (TermPeriod period : trend.periods()) {
					csv.printRecord(trend.term().term(), period.start(), period.mentions(), period.negative(),
							period.neutral(), period.positive(), period.unanalysed());
				}
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("watch-terms.csv").build().toString())
			.body(out.toString());
	}

	private static Granularity granularity(String by) {
		return "day".equals(by) ? Granularity.DAY : Granularity.WEEK;
	}

	/**
	 * A term on the page: its figures and its chart.
	 *
	 * @param trend the figures
	 * @param chart the drawing
	 */
	record View(TermTrend trend, TermChart chart) {
	}

}

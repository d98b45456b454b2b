package com.rapport.portal.survey;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.rapport.community.member.Viewer;
import com.rapport.portal.chart.ChartImages;
import com.rapport.portal.survey.SurveyResultsPage.BreakdownRow;
import com.rapport.portal.survey.SurveyResultsPage.QuestionView;
import com.rapport.portal.survey.SurveyResultsPage.ResultsView;
import com.rapport.survey.results.OpenTextPage;
import com.rapport.survey.results.SentimentCorrections;
import com.rapport.survey.results.SurveyResults;
import com.rapport.survey.sentiment.SentimentLabel;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A survey's results for staff (the path is STAFF only): per question its metric with the
 * margin, comparison, distribution, trend and breakdowns; the funnel; the open-text
 * answers with their sentiment, filterable, searchable and paged; a CSV and a PNG of
 * every chart.
 */
@Controller
class SurveyResultsController {

	private static final String BASE = "/staff/surveys/{id}/results";

	private final SurveyService surveys;

	private final SurveyResultsPage page;

	private final SurveyResults results;

	private final SentimentCorrections corrections;

	private final ChartImages images;

	private final MessageSource messages;

	SurveyResultsController(SurveyService surveys, SurveyResultsPage page, SurveyResults results,
			SentimentCorrections corrections, ChartImages images, MessageSource messages) {
		this.surveys = surveys;
		this.page = page;
		this.results = results;
		this.corrections = corrections;
		this.images = images;
		this.messages = messages;
	}

	@GetMapping(BASE)
	String results(@PathVariable long id, @RequestParam(name = "period", required = false) Integer days,
			@RequestParam(name = "label", required = false) String label,
			@RequestParam(name = "q", required = false) String search,
			@RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "mismatchesBefore", required = false) Long mismatchesBefore, Locale locale,
			Model model) {
		Survey survey = find(id);
		ResultsPeriod period = ResultsPeriod.of(days);
		String labelFilter = label(label);
		String query = (search != null && !search.isBlank()) ? search.strip() : null;
		OpenTextPage texts = this.results.openTexts(id, labelFilter, query, OpenTextPage.Position.parse(after));
		model.addAttribute("survey", survey);
		model.addAttribute("period", period.days());
		model.addAttribute("periods", List.of(30, 90, 365));
		model.addAttribute("results", this.page.build(survey, period, locale));
		model.addAttribute("texts", texts);
		model.addAttribute("labels", SentimentLabel.values());
		model.addAttribute("label", labelFilter);
		model.addAttribute("q", query);
		List<SentimentCorrections.Mismatch> mismatches = this.corrections.mismatches(id, mismatchesBefore);
		model.addAttribute("mismatches", mismatches);
		model.addAttribute("mismatchesNext", (mismatches.size() == SentimentCorrections.PAGE_SIZE)
				? mismatches.get(mismatches.size() - 1).responseId() : null);
		model.addAttribute("accuracy", this.corrections.accuracy(id));
		model.addAttribute("correctable",
				List.of(SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE));
		return "staff/surveys/results";
	}

	/**
	 * Staff correct the sentiment label of an open-text answer of this survey.
	 */
	@PostMapping(BASE + "/sentiment")
	String correct(@PathVariable long id, @RequestParam("responseId") long responseId,
			@RequestParam("questionId") long questionId, @RequestParam("label") String label,
			@RequestParam(name = "period", required = false) Integer days, Viewer viewer, RedirectAttributes redirect) {
		find(id);
		String valid = label(label);
		try {
			if (valid == null) {
				throw new IllegalArgumentException("label");
			}
			boolean changed = this.corrections.correct(id, responseId, questionId, SentimentLabel.valueOf(valid),
					viewer.memberId());
			redirect.addFlashAttribute("message",
					changed ? "insights.correction.saved" : "insights.correction.unchanged");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "insights.correction.invalid");
		}
		return "redirect:/staff/surveys/" + id + "/results?period=" + ResultsPeriod.of(days).days() + "#mismatches";
	}

	@GetMapping(BASE + "/{key}/{chart}.csv")
	ResponseEntity<String> csv(@PathVariable long id, @PathVariable String key, @PathVariable String chart,
			@RequestParam(name = "period", required = false) Integer days, Locale locale) throws IOException {
		Survey survey = find(id);
		QuestionView question = scaleQuestion(this.page.build(survey, ResultsPeriod.of(days), locale), key);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			switch (chart) {
				case "trend" -> {
					csv.printRecord("period", question.headline().id(), "low95", "high95", "n");
					for (var row : question.trend().rows()) {
						csv.printRecord(row.label(), row.value(), row.low(), row.high(), row.n());
					}
				}
				case "distribution" -> {
					csv.printRecord("value", "answers", "percent");
					for (var bar : question.distribution().bars()) {
						csv.printRecord(bar.value(), bar.count(), bar.percent());
					}
				}
				case "breakdown" -> {
					csv.printRecord("dimension", "value", "n", question.headline().id(), "margin95");
					for (var entry : question.breakdowns().entrySet()) {
						for (BreakdownRow row : entry.getValue()) {
							csv.printRecord(entry.getKey().toLowerCase(Locale.ROOT), row.value(), row.metric().n(),
									row.metric().value(), row.metric().margin());
						}
					}
				}
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(survey.key() + "-" + key + "-" + chart + ".csv")
						.build()
						.toString())
			.body(out.toString());
	}

	/**
	 * A chart of a scale question as a PNG image for reports, drawn from the same view as
	 * the page's SVG, data table and CSV.
	 */
	@GetMapping(BASE + "/{key}/{chart}.png")
	ResponseEntity<byte[]> png(@PathVariable long id, @PathVariable String key, @PathVariable String chart,
			@RequestParam(name = "period", required = false) Integer days, Locale locale) {
		Survey survey = find(id);
		ResultsView view = this.page.build(survey, ResultsPeriod.of(days), locale);
		QuestionView question = scaleQuestion(view, key);
		String filename = survey.key() + "-" + key + "-" + chart + ".png";
		String headline = this.messages.getMessage(question.headline().nameKey(), null, locale);
		String span = this.messages.getMessage("charts.span", new Object[] { view.from(), view.to() }, locale);
		return switch (chart) {
			case "trend" -> this.images.png(filename, ResultsImages.trend(question,
					this.messages.getMessage("insights.trend", new Object[] { headline }, locale) + " · " + span,
					headline), locale);
			case "distribution" -> this.images.png(filename,
					ResultsImages.distribution(question,
							this.messages.getMessage("insights.distribution", null, locale) + " · " + span,
							this.messages.getMessage("insights.answers", null, locale)),
					locale);
			case "breakdown" ->
				this.images
					.png(filename,
							ResultsImages.breakdown(question,
									this.messages.getMessage("insights.breakdown", null, locale) + " · " + span,
									headline,
									(dimension) -> dimension.startsWith(SurveyResultsPage.HIDDEN_PREFIX)
											? this.messages.getMessage("listen.hidden.dimension",
													new Object[] { dimension
														.substring(SurveyResultsPage.HIDDEN_PREFIX.length()) },
													locale)
											: this.messages.getMessage("insights.dimension." + dimension, null, locale),
									(dimension, value) -> dimension.startsWith(SurveyResultsPage.HIDDEN_PREFIX) ? value
											: this.messages.getMessage("insights.dim." + value, null, value, locale)),
							locale);
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
	}

	private static QuestionView scaleQuestion(ResultsView view, String key) {
		return view.questions()
			.stream()
			.filter((q) -> q.key().equals(key) && q.type().isScale())
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String label(String label) {
		if (label == null) {
			return null;
		}
		for (SentimentLabel value : SentimentLabel.values()) {
			if (value.name().equals(label)) {
				return label;
			}
		}
		return null;
	}

	private Survey find(long id) {
		return this.surveys.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

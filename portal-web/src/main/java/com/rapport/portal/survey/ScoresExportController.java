package com.rapport.portal.survey;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.rapport.community.member.Viewer;
import com.rapport.portal.chart.ChartImages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff overview's trend charts (NPS, CES, CSAT week by week) as CSV, the same rows
 * as their data tables, and as one PNG image, so every trend chart of the staff area can
 * be exported.
 */
@Controller
class ScoresExportController {

	private final ScoreCards scores;

	private final ChartImages images;

	private final MessageSource messages;

	ScoresExportController(ScoreCards scores, ChartImages images, MessageSource messages) {
		this.scores = scores;
		this.images = images;
		this.messages = messages;
	}

	@GetMapping("/staff/scores.csv")
	ResponseEntity<String> csv(Viewer viewer) throws IOException {
		staffOnly(viewer);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader("metric", "week_of", "value", "answers", "enough").get())) {
			for (ScoreCards.Card card : this.scores.cards()) {
				for (ScoreCards.Week week : card.weeks()) {
					csv.printRecord(card.definition().id(), week.monday(), week.value(), week.n(), week.enough());
				}
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("scores-by-week.csv").build().toString())
			.body(out.toString());
	}

	@GetMapping("/staff/scores.png")
	ResponseEntity<byte[]> png(Viewer viewer, Locale locale) {
		staffOnly(viewer);
		List<ScoreCards.Card> cards = this.scores.cards();
		return this.images.png("scores-by-week.png",
				ScoreCards.chart(cards, this.messages.getMessage("charts.scores.title", null, locale),
						this.messages.getMessage("charts.scores.subtitle", null, locale),
						(definition) -> this.messages.getMessage(definition.nameKey(), null, locale)),
				locale);
	}

	private static void staffOnly(Viewer viewer) {
		if (!viewer.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

}

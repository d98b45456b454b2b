package com.rapport.portal.staff;

import com.rapport.community.health.WhatHurts;
import com.rapport.survey.sentiment.RisingTerms;
import com.rapport.community.member.Viewer;
import com.rapport.survey.results.NegativeAnswers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "What hurts" this week for staff: the topics with the most negative posts and the terms
 * rising in negative posts, each linking to the posts; then the most negative open-text
 * survey answers, each linking to its response, and the terms rising in negative answers,
 * each linking to the answers it drove.
 */
@Controller
class WhatHurtsController {

	/** The longest term asked for; driving words are short phrases. */
	static final int MAX_TERM = 100;

	private final WhatHurts whatHurts;

	private final NegativeAnswers negativeAnswers;

	WhatHurtsController(WhatHurts whatHurts, NegativeAnswers negativeAnswers) {
		this.whatHurts = whatHurts;
		this.negativeAnswers = negativeAnswers;
	}

	@GetMapping("/staff/what-hurts")
	String report(Viewer viewer, Model model) {
		model.addAttribute("report", this.whatHurts.report(viewer));
		model.addAttribute("minMentions", RisingTerms.MIN_MENTIONS);
		model.addAttribute("answers", this.negativeAnswers.report());
		model.addAttribute("answerMinMentions", RisingTerms.MIN_MENTIONS);
		return "staff/what-hurts";
	}

	/**
	 * The negative answers of the last 7 days that a rising term drove, each linking to
	 * its response on its survey's results page.
	 */
	@GetMapping("/staff/what-hurts/answers")
	String answersWith(@RequestParam(name = "term", defaultValue = "") String term, Model model) {
		String given = term.strip();
		NegativeAnswers.TermAnswers found = null;
		if (given.isEmpty() || given.length() > MAX_TERM || given.contains(",")) {
			model.addAttribute("error", "charts.hurts.badTerm");
		}
		else {
			found = this.negativeAnswers.withTerm(given);
		}
		model.addAttribute("found", found);
		model.addAttribute("term", (found != null) ? found.term() : given);
		return "staff/what-hurts-answers";
	}

}

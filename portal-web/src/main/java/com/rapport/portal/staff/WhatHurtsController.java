package com.rapport.portal.staff;

import com.rapport.community.health.WhatHurts;
import com.rapport.survey.sentiment.RisingTerms;
import com.rapport.community.member.Viewer;
import com.rapport.survey.results.NegativeAnswers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "What hurts" this week for staff: the topics with the most negative posts and the terms
 * rising in negative posts, each linking to the posts; then the most negative open-text
 * survey answers, each linking to its response, and the terms rising in negative answers.
 */
@Controller
class WhatHurtsController {

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

}

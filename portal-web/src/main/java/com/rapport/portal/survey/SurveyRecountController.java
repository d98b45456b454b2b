package com.rapport.portal.survey;

import com.rapport.survey.response.ResponseCounts;
import com.rapport.survey.survey.SurveyService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff recount a survey's completed responses from its page, when the count shown looks
 * wrong (e.g. right after a database outage, before the periodic recount ran).
 */
@Controller
class SurveyRecountController {

	private final SurveyService surveys;

	private final ResponseCounts counts;

	SurveyRecountController(SurveyService surveys, ResponseCounts counts) {
		this.surveys = surveys;
		this.counts = counts;
	}

	@PostMapping("/staff/surveys/{id}/recount")
	String recount(@PathVariable long id, RedirectAttributes redirect) {
		if (this.surveys.findById(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		long corrected = this.counts.recount(id);
		redirect.addFlashAttribute("message", (corrected == 0) ? "ops3.recount.right" : "ops3.recount.corrected");
		return "redirect:/staff/surveys/" + id;
	}

}

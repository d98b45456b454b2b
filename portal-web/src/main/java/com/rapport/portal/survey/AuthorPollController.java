package com.rapport.portal.survey;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.poll.AuthorPolls;
import com.rapport.community.topic.TopicQueries;
import com.rapport.survey.survey.SurveyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Polls by topic authors: staff choose the surveys authors may place, an author places
 * one in their own topic (or removes it), and a voter's page refreshes the results from
 * {@code /t/{id}/survey/results} (static/js/poll-refresh.js).
 */
@Controller
class AuthorPollController {

	private final AuthorPolls polls;

	private final TopicQueries topics;

	private final TopicSurveyPanels panels;

	private final SurveyService surveys;

	AuthorPollController(AuthorPolls polls, TopicQueries topics, TopicSurveyPanels panels, SurveyService surveys) {
		this.polls = polls;
		this.topics = topics;
		this.panels = panels;
		this.surveys = surveys;
	}

	@PostMapping("/t/{id}/survey/place")
	String place(@PathVariable long id, @RequestParam(name = "survey", required = false) String surveyKey,
			Viewer viewer, RedirectAttributes redirect) {
		try {
			this.polls.place(viewer, id, surveyKey);
			redirect.addFlashAttribute("message", "ops3.poll.placed");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return topic(viewer, id);
	}

	@PostMapping("/t/{id}/survey/withdraw")
	String withdraw(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.polls.remove(viewer, id);
			redirect.addFlashAttribute("message", "ops3.poll.removed");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return topic(viewer, id);
	}

	/**
	 * The poll's results as an HTML fragment, for a reader who may see them (voted, or
	 * the poll is closed); the page replaces its results with it every few seconds.
	 */
	@GetMapping("/t/{id}/survey/results")
	String results(@PathVariable long id, Viewer viewer, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (this.topics.topic(viewer, id, 1).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		TopicSurveyPanel panel = this.panels.panel(viewer, id, locale, request)
			.filter((shown) -> shown.state() == TopicSurveyPanel.State.RESULTS)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("panel", panel);
		return "survey/_topic-survey :: results";
	}

	@PostMapping("/staff/surveys/{id}/author-polls")
	String allow(@PathVariable long id, @RequestParam(name = "allowed", defaultValue = "false") boolean allowed,
			Viewer viewer, RedirectAttributes redirect) {
		if (this.surveys.findById(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.polls.allow(viewer, id, allowed);
		redirect.addFlashAttribute("message", allowed ? "ops3.poll.staff.nowAllowed" : "ops3.poll.staff.nowNotAllowed");
		return "redirect:/staff/surveys/" + id;
	}

	/** The topic's own address, where the flash message is shown. */
	private String topic(Viewer viewer, long id) {
		return this.topics.topic(viewer, id, 1)
			.map((view) -> "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), StandardCharsets.UTF_8)
					+ "/" + id + "#topic-survey")
			.orElse("redirect:/t/" + id);
	}

}

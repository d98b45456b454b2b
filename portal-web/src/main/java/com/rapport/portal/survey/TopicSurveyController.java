package com.rapport.portal.survey;

import java.nio.charset.StandardCharsets;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.poll.TopicSurvey;
import com.rapport.community.poll.TopicSurveyMode;
import com.rapport.community.poll.TopicSurveys;
import com.rapport.community.topic.TopicQueries;
import com.rapport.portal.survey.SurveyAnswering.Outcome;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A survey inline in a topic: moderators attach and remove it, members answer it. The
 * answers take the same path as the link and the embed (signed form token, the same
 * checks, once per respondent, idempotent by the page's response id), on the forum
 * channel, as the signed-in member.
 */
@Controller
class TopicSurveyController {

	private final TopicSurveys topicSurveys;

	private final TopicQueries topics;

	private final SurveyAnswering answering;

	private final FormTokens tokens;

	private final MemberRespondents memberRespondents;

	TopicSurveyController(TopicSurveys topicSurveys, TopicQueries topics, SurveyAnswering answering, FormTokens tokens,
			MemberRespondents memberRespondents) {
		this.topicSurveys = topicSurveys;
		this.topics = topics;
		this.answering = answering;
		this.tokens = tokens;
		this.memberRespondents = memberRespondents;
	}

	@PostMapping("/t/{id}/survey")
	String attach(@PathVariable long id, @RequestParam(name = "survey", required = false) String surveyKey,
			@RequestParam(name = "mode", required = false) String mode, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.topicSurveys.attach(viewer, id, surveyKey, mode(mode));
			redirect.addFlashAttribute("message", "topicSurvey.attached");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return topic(viewer, id);
	}

	@PostMapping("/t/{id}/survey/remove")
	String detach(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		this.topicSurveys.detach(viewer, id);
		redirect.addFlashAttribute("message", "topicSurvey.removed");
		return topic(viewer, id);
	}

	@PostMapping("/t/{id}/survey/answer")
	String answer(@PathVariable long id, @RequestParam(name = "token", required = false) String token, Viewer viewer,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TopicSurvey attached = this.topics.topic(viewer, id, 1)
			.flatMap((view) -> this.topicSurveys.of(id))
			.orElse(null);
		AnswerContext context;
		try {
			context = this.tokens.verify(token);
		}
		catch (SurveyRejectedException rejected) {
			return SurveyLinkController.message(model, response, HttpStatus.BAD_REQUEST, rejected.messageKey());
		}
		// the page was made for this member, in this topic, for the survey it shows
		if (attached == null || attached.surveyId() != context.surveyId() || context.channel() != Channel.FORUM
				|| !context.respondentHash().equals(this.memberRespondents.hashOf(viewer.memberId()))) {
			return SurveyLinkController.message(model, response, HttpStatus.BAD_REQUEST, "survey.error.invalidToken");
		}
		this.memberRespondents.hashFor(viewer.memberId());
		Outcome outcome;
		try {
			outcome = this.answering.answer(token, request, false);
		}
		catch (SurveyRejectedException rejected) {
			return rejected(viewer, id, token, rejected.messageKey(), response, model, redirect);
		}
		if (outcome.result().complete()) {
			redirect.addFlashAttribute("message",
					(attached.mode() == TopicSurveyMode.POLL) ? "topicSurvey.voted" : "topicSurvey.thanks");
			return topic(viewer, id) + "#topic-survey";
		}
		Survey survey = this.answering.version(outcome.context());
		return step(model, id, survey,
				this.answering.page(survey, outcome.result().nextStep(), outcome.context(), null));
	}

	private String rejected(Viewer viewer, long id, String token, String error, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		if (error.equals("survey.error.expired") || error.equals("survey.error.notFound")
				|| error.equals("survey.error.closed") || error.equals("survey.error.alreadyAnswered")) {
			redirect.addFlashAttribute("error", error);
			return topic(viewer, id) + "#topic-survey";
		}
		response.setStatus(error.equals("survey.error.rateLimited") ? HttpStatus.TOO_MANY_REQUESTS.value()
				: HttpStatus.BAD_REQUEST.value());
		SurveyAnswering.SurveyPage page = this.answering.retry(token, error);
		return step(model, id, page.survey(), page);
	}

	/** A later step, or a step answered wrongly, on a page of its own. */
	private static String step(Model model, long topicId, Survey survey, SurveyAnswering.SurveyPage page) {
		model.addAttribute("page", page);
		model.addAttribute("action", "/t/" + topicId + "/survey/answer");
		model.addAttribute("saveAction", "/s/" + survey.key() + "/save");
		return "survey/page";
	}

	private static TopicSurveyMode mode(String mode) {
		if ("POLL".equals(mode)) {
			return TopicSurveyMode.POLL;
		}
		return "PRIVATE".equals(mode) ? TopicSurveyMode.PRIVATE : null;
	}

	/** The topic's own address, where the flash message is shown. */
	private String topic(Viewer viewer, long id) {
		return this.topics.topic(viewer, id, 1)
			.map((view) -> "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), StandardCharsets.UTF_8)
					+ "/" + id)
			.orElse("redirect:/t/" + id);
	}

}

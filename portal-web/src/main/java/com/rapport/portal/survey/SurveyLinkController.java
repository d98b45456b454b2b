package com.rapport.portal.survey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.rapport.community.member.Viewer;
import com.rapport.portal.survey.SurveyAnswering.Outcome;
import com.rapport.portal.survey.SurveyAnswering.SurveyPage;
import com.rapport.survey.response.Channel;
import com.rapport.survey.response.MemberRespondents;
import com.rapport.survey.response.PersonalLinks;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The survey's public link {@code /s/{key}} and its single-use personal links
 * ({@code ?t=}). The link always shows the survey (sampling and recontact waits govern
 * only where the portal decides to show one); once per respondent still applies. The
 * answers post with the page's signed form token instead of the CSRF cookie.
 */
@Controller
class SurveyLinkController {

	static final String RESPONDENT_COOKIE = "rapport-rid";

	private final SurveyService surveys;

	private final ResponseService responses;

	private final PersonalLinks links;

	private final SurveyAnswering answering;

	private final MemberRespondents memberRespondents;

	private final Clock clock;

	SurveyLinkController(SurveyService surveys, ResponseService responses, PersonalLinks links,
			SurveyAnswering answering, MemberRespondents memberRespondents, Clock clock) {
		this.clock = clock;
		this.memberRespondents = memberRespondents;
		this.surveys = surveys;
		this.responses = responses;
		this.links = links;
		this.answering = answering;
	}

	@GetMapping("/s/{key}")
	String show(@PathVariable String key, @RequestParam(name = "t", required = false) String linkToken,
			@CookieValue(name = RESPONDENT_COOKIE, required = false) String anonymousId, Viewer viewer, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Survey survey = this.surveys.findRecentByKey(key).orElse(null);
		if (survey == null || survey.questions().isEmpty()) {
			return message(model, response, HttpStatus.NOT_FOUND, "survey.error.notFound");
		}
		if (!survey.isOpenAt(this.clock.instant())) {
			return message(model, response, HttpStatus.GONE, "survey.error.closed");
		}
		Long linkId = null;
		String publicId = null;
		if (linkToken != null) {
			linkId = this.links.verify(survey.id(), linkToken).orElse(null);
			if (linkId == null) {
				return message(model, response, HttpStatus.BAD_REQUEST, "survey.error.invalidLink");
			}
			// the same link always continues the same response
			publicId = UUID.nameUUIDFromBytes(("link:" + linkId).getBytes(StandardCharsets.UTF_8)).toString();
			if (this.links.isUsed(linkId) && this.responses.isComplete(publicId)) {
				return message(model, response, HttpStatus.GONE, "survey.error.linkUsed");
			}
		}
		String hash;
		// a respondent id made just now has answered nothing yet
		boolean newRespondent = false;
		if (!viewer.isAnonymous()) {
			hash = this.memberRespondents.hashFor(viewer.memberId());
		}
		else if (linkId != null) {
			hash = this.answering.hash("l:" + linkId);
		}
		else {
			String id = (anonymousId != null && SurveyAnswering.isValidRespondentId(anonymousId)) ? anonymousId
					: UUID.randomUUID().toString();
			if (!id.equals(anonymousId)) {
				newRespondent = true;
				response.addHeader("Set-Cookie",
						ResponseCookie.from(RESPONDENT_COOKIE, id)
							.path("/s/")
							.maxAge(Duration.ofDays(365))
							.httpOnly(true)
							.sameSite("Lax")
							.build()
							.toString());
			}
			hash = this.answering.hash("a:" + id);
		}
		if (survey.settings().oncePerRespondent() && !newRespondent && this.responses.hasCompleted(survey.id(), hash)) {
			return message(model, response, HttpStatus.OK, "survey.already");
		}
		SurveyPage page = this.answering.start(survey, hash, Channel.LINK, null, locale, request, Map.of(), linkId,
				publicId);
		return render(model, page, key);
	}

	@PostMapping("/s/{key}")
	String answer(@PathVariable String key, @RequestParam(name = "token", required = false) String token,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Outcome outcome;
		try {
			outcome = this.answering.answer(token, request, false);
		}
		catch (SurveyRejectedException rejected) {
			return rejected(key, token, rejected, response, model);
		}
		if (outcome.result().complete()) {
			return "redirect:/s/" + key + "/thanks";
		}
		Survey survey = this.answering.version(outcome.context());
		return render(model, this.answering.page(survey, outcome.result().nextStep(), outcome.context(), null), key);
	}

	@PostMapping("/s/{key}/save")
	@ResponseBody
	ResponseEntity<String> save(@PathVariable String key, @RequestParam(name = "token", required = false) String token,
			HttpServletRequest request) {
		try {
			this.answering.answer(token, request, true);
			return ResponseEntity.noContent().build();
		}
		catch (SurveyRejectedException rejected) {
			return ResponseEntity.badRequest().body(rejected.messageKey());
		}
	}

	@GetMapping("/s/{key}/thanks")
	String thanks(@PathVariable String key, HttpServletResponse response, Model model) {
		Survey survey = this.surveys.findRecentByKey(key).orElse(null);
		if (survey == null) {
			return message(model, response, HttpStatus.NOT_FOUND, "survey.error.notFound");
		}
		model.addAttribute("survey", survey);
		return "survey/thanks";
	}

	private String rejected(String key, String token, SurveyRejectedException rejected, HttpServletResponse response,
			Model model) {
		String error = rejected.messageKey();
		if (error.equals("survey.error.invalidToken") || error.equals("survey.error.expired")
				|| error.equals("survey.error.notFound") || error.equals("survey.error.closed")
				|| error.equals("survey.error.alreadyAnswered") || error.equals("survey.error.linkUsed")) {
			return message(model, response, HttpStatus.BAD_REQUEST, error);
		}
		response.setStatus((error.equals("survey.error.rateLimited")) ? HttpStatus.TOO_MANY_REQUESTS.value()
				: HttpStatus.BAD_REQUEST.value());
		return render(model, this.answering.retry(token, error), key);
	}

	private static String render(Model model, SurveyPage page, String key) {
		model.addAttribute("page", page);
		model.addAttribute("action", "/s/" + key);
		model.addAttribute("saveAction", "/s/" + key + "/save");
		return "survey/page";
	}

	static String message(Model model, HttpServletResponse response, HttpStatus status, String message) {
		response.setStatus(status.value());
		model.addAttribute("surveyMessage", message);
		return "survey/message";
	}

}

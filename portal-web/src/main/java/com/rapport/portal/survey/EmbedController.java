package com.rapport.portal.survey;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.rapport.portal.survey.SurveyAnswering.Outcome;
import com.rapport.portal.survey.SurveyAnswering.SurveyPage;
import com.rapport.survey.display.DisplayRules;
import com.rapport.survey.display.ShownCounter;
import com.rapport.survey.response.Channel;
import com.rapport.portal.engage.EngagementCounts;
import com.rapport.portal.engage.Metric;
import com.rapport.portal.engage.SurveyChannel;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The embed: {@code /embed.js} puts an iframe of {@code /embed/{key}} on the host page.
 * The frame is shown only on the origins staff listed ({@code frame-ancestors}), only
 * when the display rules allow it, and its answers carry the signed form token, as the
 * frame cannot count on cookies.
 */
@Controller
class EmbedController {

	private static final Resource SCRIPT = new ClassPathResource("static/js/embed.js");

	private final SurveyService surveys;

	private final DisplayRules rules;

	private final SurveyAnswering answering;

	private final FormTokens tokens;

	private final Clock clock;

	private final EngagementCounts engagement;

	private final ShownCounter shown;

	EmbedController(SurveyService surveys, DisplayRules rules, SurveyAnswering answering, FormTokens tokens,
			Clock clock, EngagementCounts engagement, ShownCounter shown) {
		this.engagement = engagement;
		this.shown = shown;
		this.surveys = surveys;
		this.rules = rules;
		this.answering = answering;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/embed.js")
	ResponseEntity<Resource> script() {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(SCRIPT);
	}

	@GetMapping("/embed/{key}")
	String frame(@PathVariable String key, @RequestParam(name = "url", required = false) String url,
			@RequestParam(name = "rid", required = false) String respondentId,
			@RequestParam(name = "anon", required = false) String anonymousId, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Survey survey = this.surveys.findRecentByKey(key).orElse(null);
		if (survey == null || survey.questions().isEmpty()) {
			return closed(model, response, List.of(), HttpStatus.NOT_FOUND, null);
		}
		List<String> origins = survey.settings().allowedOrigins();
		String pageUrl;
		try {
			pageUrl = SurveyAnswering.checkPageUrl(url, origins);
		}
		catch (SurveyRejectedException rejected) {
			return closed(model, response, origins, HttpStatus.FORBIDDEN, null);
		}
		String parentOrigin = SurveyAnswering.origin(pageUrl);
		if (!survey.isOpenAt(this.clock.instant())) {
			return closed(model, response, origins, HttpStatus.OK, parentOrigin);
		}
		String respondent;
		if (SurveyAnswering.isValidRespondentId(respondentId)) {
			respondent = "r:" + respondentId;
		}
		else if (SurveyAnswering.isValidRespondentId(anonymousId)) {
			respondent = "a:" + anonymousId;
		}
		else {
			respondent = "a:" + UUID.randomUUID();
		}
		String hash = this.answering.hash(respondent);
		if (this.rules.decide(survey, hash) != DisplayRules.Decision.SHOW) {
			return closed(model, response, origins, HttpStatus.OK, parentOrigin);
		}
		// written with the other frames' in a few seconds, as nothing decides on it at
		// once
		this.shown.shown(survey.id(), hash);
		this.engagement.count(Metric.SURVEY_SHOWN, SurveyChannel.EMBED);
		SurveyPage page = this.answering.start(survey, hash, Channel.EMBED, pageUrl, locale, request,
				SurveyAnswering.hiddenFields(request), null, null);
		return render(model, response, page, key, parentOrigin);
	}

	@PostMapping("/embed/{key}")
	String answer(@PathVariable String key, @RequestParam(name = "token", required = false) String token,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Outcome outcome;
		try {
			outcome = this.answering.answer(token, request, false);
		}
		catch (SurveyRejectedException rejected) {
			return rejected(key, token, rejected, response, model);
		}
		Survey survey = this.answering.version(outcome.context());
		String parentOrigin = SurveyAnswering.origin(outcome.context().pageUrl());
		if (outcome.result().complete()) {
			frameHeaders(response, survey.settings().allowedOrigins());
			model.addAttribute("survey", survey);
			model.addAttribute("parentOrigin", parentOrigin);
			return "survey/frame-thanks";
		}
		return render(model, response,
				this.answering.page(survey, outcome.result().nextStep(), outcome.context(), null), key, parentOrigin);
	}

	@PostMapping("/embed/{key}/save")
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

	@PostMapping("/embed/{key}/dismiss")
	@ResponseBody
	ResponseEntity<String> dismiss(@PathVariable String key,
			@RequestParam(name = "token", required = false) String token) {
		try {
			AnswerContext context = this.tokens.verify(token);
			this.rules.dismissed(context.surveyId(), context.respondentHash());
			return ResponseEntity.noContent().build();
		}
		catch (SurveyRejectedException rejected) {
			return ResponseEntity.badRequest().body(rejected.messageKey());
		}
	}

	private String rejected(String key, String token, SurveyRejectedException rejected, HttpServletResponse response,
			Model model) {
		String error = rejected.messageKey();
		AnswerContext context;
		try {
			context = this.tokens.verify(token);
		}
		catch (SurveyRejectedException invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("surveyMessage", invalid.messageKey());
			return "survey/frame-message";
		}
		Survey survey = this.answering.version(context);
		String parentOrigin = SurveyAnswering.origin(context.pageUrl());
		frameHeaders(response, survey.settings().allowedOrigins());
		if (error.equals("survey.error.closed") || error.equals("survey.error.alreadyAnswered")
				|| error.equals("survey.error.notFound")) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("surveyMessage", error);
			model.addAttribute("parentOrigin", parentOrigin);
			return "survey/frame-message";
		}
		SurveyPage page = this.answering.retry(token, error);
		render(model, response, page, key, parentOrigin);
		response.setStatus(error.equals("survey.error.rateLimited") ? HttpStatus.TOO_MANY_REQUESTS.value()
				: HttpStatus.BAD_REQUEST.value());
		return "survey/frame";
	}

	private static String render(Model model, HttpServletResponse response, SurveyPage page, String key,
			String parentOrigin) {
		frameHeaders(response, page.survey().settings().allowedOrigins());
		model.addAttribute("page", page);
		model.addAttribute("action", "/embed/" + key);
		model.addAttribute("saveAction", "/embed/" + key + "/save");
		model.addAttribute("dismissAction", "/embed/" + key + "/dismiss");
		model.addAttribute("parentOrigin", parentOrigin);
		return "survey/frame";
	}

	private static String closed(Model model, HttpServletResponse response, List<String> origins, HttpStatus status,
			String parentOrigin) {
		frameHeaders(response, origins);
		response.setStatus(status.value());
		model.addAttribute("parentOrigin", parentOrigin);
		return "survey/frame-closed";
	}

	/**
	 * The frame may be shown only inside the survey's listed origins; with none listed,
	 * nowhere.
	 */
	static void frameHeaders(HttpServletResponse response, List<String> origins) {
		String ancestors = origins.isEmpty() ? "'none'" : String.join(" ", origins);
		response.setHeader("Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
						+ "base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors);
		response.setHeader("Cache-Control", "no-store");
	}

}

package com.rapport.portal.survey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.response.Submission;
import com.rapport.survey.response.SubmissionResult;
import com.rapport.survey.response.SurveySecrets;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyFlow;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveyService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the link page and the embedded frame share: starting a page for a respondent and
 * turning a posted form into a submission.
 */
@Component
class SurveyAnswering {

	/** The honeypot field: hidden from people, filled in by naive bots. */
	static final String HONEYPOT = "website";

	private static final int MAX_RESPONDENT_ID = 100;

	private static final int MAX_URL = 1000;

	private final SurveyService surveys;

	private final ResponseService responses;

	private final SurveySecrets secrets;

	private final FormTokens tokens;

	private final MeterRegistry meters;

	private final QuestionMarkup markup;

	private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

	SurveyAnswering(SurveyService surveys, ResponseService responses, SurveySecrets secrets, FormTokens tokens,
			MeterRegistry meters, QuestionMarkup markup) {
		this.markup = markup;
		this.surveys = surveys;
		this.responses = responses;
		this.secrets = secrets;
		this.tokens = tokens;
		this.meters = meters;
	}

	String hash(String respondentId) {
		return this.secrets.hashRespondent(respondentId);
	}

	static boolean isValidRespondentId(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_RESPONDENT_ID) {
			return false;
		}
		return id.chars().noneMatch(Character::isISOControl);
	}

	/**
	 * The first page of a survey for a respondent.
	 */
	SurveyPage start(Survey survey, String respondentHash, Channel channel, String pageUrl, Locale locale,
			HttpServletRequest request, Map<String, String> hidden, Long linkId, String publicId) {
		AnswerContext context = new AnswerContext(survey.id(), survey.currentVersion(),
				(publicId != null) ? publicId : UUID.randomUUID().toString(), respondentHash, channel, pageUrl,
				language(locale), Device.of(request.getHeader("User-Agent")), hidden, linkId, Set.of(),
				this.tokens.now());
		return page(survey, SurveyFlow.nextStep(survey, Map.of(), Set.of()), context, null);
	}

	/**
	 * Answers a step (or saves one answer when {@code partial}).
	 * @return the next page, or a complete result
	 * @throws SurveyRejectedException when nothing was stored; {@link #context} can then
	 * rebuild the page
	 */
	Outcome answer(String token, HttpServletRequest request, boolean partial) {
		try {
			Outcome outcome = store(token, request, partial);
			String channel = outcome.context().channel().name().toLowerCase(Locale.ROOT);
			counter("rapport.survey.answers.accepted", "Answer requests whose answers were stored", "channel", channel)
				.increment();
			if (outcome.result().counted()) {
				counter("rapport.survey.responses.completed", "Responses completed", "channel", channel).increment();
			}
			return outcome;
		}
		catch (SurveyRejectedException ex) {
			String reason = ex.messageKey().substring(ex.messageKey().lastIndexOf('.') + 1);
			counter("rapport.survey.answers.rejected", "Answer requests refused, nothing stored", "reason", reason)
				.increment();
			throw ex;
		}
	}

	private Counter counter(String name, String description, String tag, String value) {
		// registered once per name and tag: looking a meter up on every answer costs more
		// than the answer's own work in this thread
		return this.counters.computeIfAbsent(name + '\u0000' + value,
				(k) -> Counter.builder(name).description(description).tag(tag, value).register(this.meters));
	}

	private Outcome store(String token, HttpServletRequest request, boolean partial) {
		AnswerContext context = this.tokens.verify(token);
		String honeypot = request.getParameter(HONEYPOT);
		if (honeypot != null && !honeypot.isEmpty()) {
			throw new SurveyRejectedException("survey.error.bot");
		}
		if (!partial && this.tokens.isTooFast(context)) {
			throw new SurveyRejectedException("survey.error.tooFast");
		}
		Map<Long, List<String>> answers = new HashMap<>();
		Map<Long, String> others = new HashMap<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!name.startsWith("q") || name.length() > 24) {
				continue;
			}
			boolean other = name.endsWith("-other");
			String id = other ? name.substring(1, name.length() - "-other".length()) : name.substring(1);
			long questionId;
			try {
				questionId = Long.parseLong(id);
			}
			catch (NumberFormatException ex) {
				continue;
			}
			if (other) {
				others.put(questionId, parameter.getValue()[0]);
			}
			else {
				answers.put(questionId, List.of(parameter.getValue()));
			}
		}
		SubmissionResult result = this.responses
			.submit(new Submission(context.surveyId(), context.version(), context.publicId(), context.respondentHash(),
					context.channel(), context.pageUrl(), context.locale(), context.device(), context.hidden(),
					context.linkId(), context.passed(), answers, others, partial, request.getRemoteAddr()));
		AnswerContext next = context.next(result.passed(), context.issuedAt());
		return new Outcome(next, result);
	}

	/** The page of a context whose answers were refused, with the error. */
	SurveyPage retry(String token, String error) {
		AnswerContext context = this.tokens.verify(token);
		Survey survey = version(context);
		return page(survey,
				SurveyFlow.nextStep(survey, this.responses.ratings(context.publicId(), survey), context.passed()),
				context, error);
	}

	Survey version(AnswerContext context) {
		return this.surveys.findRecentVersion(context.surveyId(), context.version())
			.orElseThrow(() -> new SurveyRejectedException("survey.error.notFound"));
	}

	SurveyPage page(Survey survey, List<Question> step, AnswerContext context, String error) {
		boolean lastStep = isLastStep(survey, step, context);
		return new SurveyPage(survey, step, this.tokens.issue(context), error, lastStep,
				this.markup.of(survey, step, lastStep, LocaleContextHolder.getLocale()));
	}

	private static boolean isLastStep(Survey survey, List<Question> step, AnswerContext context) {
		// a later question may still follow when it depends on this step
		Set<String> stepKeys = new java.util.HashSet<>(context.passed());
		step.forEach((q) -> stepKeys.add(q.key()));
		return survey.questions().stream().noneMatch((q) -> !stepKeys.contains(q.key()));
	}

	/**
	 * The embedding page's URL when its origin is one staff listed.
	 * @param url what the embed script sent
	 * @param allowedOrigins the survey's origins
	 * @return the URL
	 * @throws SurveyRejectedException when it is not allowed
	 */
	static String checkPageUrl(String url, List<String> allowedOrigins) {
		if (url == null || url.isEmpty() || url.length() > MAX_URL) {
			throw new SurveyRejectedException("survey.error.origin");
		}
		String origin = origin(url);
		if (origin == null || !allowedOrigins.contains(origin)) {
			throw new SurveyRejectedException("survey.error.origin");
		}
		return url;
	}

	static String origin(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
				return null;
			}
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
					+ ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/** The host page's fields: parameters named {@code h.<name>}. */
	static Map<String, String> hiddenFields(HttpServletRequest request) {
		Map<String, String> hidden = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(request.getParameterMap().keySet());
		for (String name : names) {
			if (name.startsWith("h.") && name.length() > 2) {
				hidden.put(name.substring(2), request.getParameter(name));
			}
		}
		return hidden;
	}

	static String language(Locale locale) {
		return switch (locale.getLanguage()) {
			case "zh" -> "zh-CN";
			case "ru" -> "ru";
			default -> "en";
		};
	}

	/**
	 * A page without its questions' markup made in advance: they are rendered with the
	 * page.
	 */
	static final String NO_MARKUP = null;

	/**
	 * A page of questions and its form token.
	 *
	 * @param survey the survey version answered
	 * @param questions the step's questions
	 * @param token the signed form token
	 * @param error the message key of what was refused, or null
	 * @param lastStep whether the step ends the survey
	 * @param markup the step's questions as HTML made by {@link QuestionMarkup}, or null
	 * to render them with the page
	 */
	record SurveyPage(Survey survey, List<Question> questions, String token, String error, boolean lastStep,
			String markup) {

		SurveyPage {
			questions = List.copyOf(questions);
		}

	}

	/** A stored step and what follows. */
	record Outcome(AnswerContext context, SubmissionResult result) {
	}

}

package com.rapport.portal.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * When an answer cannot be stored because the database is away (a restart, a fail-over),
 * the respondent gets a page that sends the same form again — the same signed token, so
 * the same response id, and the same answers — by itself after a growing delay, or when
 * the respondent presses its button. The answer is then stored once (the submit is
 * idempotent), never lost and never counted twice. The page needs nothing from the
 * database.
 */
@ControllerAdvice(assignableTypes = { SurveyLinkController.class, EmbedController.class })
class AnswerRetryAdvice {

	private static final Logger log = LoggerFactory.getLogger(AnswerRetryAdvice.class);

	/** The parameter counting the automatic retries of this form. */
	static final String ATTEMPT = "retry";

	/** After this many automatic retries only the button is left. */
	static final int MAX_AUTOMATIC = 20;

	private static final int MAX_DELAY_SECONDS = 15;

	private final FormTokens tokens;

	AnswerRetryAdvice(FormTokens tokens) {
		this.tokens = tokens;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	String databaseAway(RuntimeException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		log.warn("Survey answer not stored, the respondent will retry: {}", ex.getClass().getSimpleName());
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		int attempt = attempt(request.getParameter(ATTEMPT));
		int delay = Math.min(1 << Math.min(attempt + 1, 4), MAX_DELAY_SECONDS);
		response.setHeader("Retry-After", Integer.toString(delay));
		String parentOrigin = null;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/embed/")) {
			parentOrigin = parentOrigin(request.getParameter("token"));
			EmbedController.frameHeaders(response, (parentOrigin != null) ? List.of(parentOrigin) : List.of());
		}
		if (!"POST".equals(request.getMethod()) || request.getRequestURI().endsWith("/save")
				|| request.getRequestURI().endsWith("/dismiss")) {
			model.addAttribute("retryable", false);
		}
		else {
			model.addAttribute("retryable", true);
			model.addAttribute("action", request.getRequestURI());
			model.addAttribute("fields", resent(request.getParameterMap()));
			model.addAttribute("attempt", attempt + 1);
			model.addAttribute("automatic", attempt < MAX_AUTOMATIC);
		}
		model.addAttribute("delay", delay);
		model.addAttribute("parentOrigin", parentOrigin);
		model.addAttribute("lang", LocaleContextHolder.getLocale().toLanguageTag());
		return "survey/retry";
	}

	/** The token and the answers, as they were posted; nothing else goes back. */
	static List<Field> resent(Map<String, String[]> parameters) {
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			boolean answer = name.length() > 1 && name.length() <= 24 && name.charAt(0) == 'q'
					&& Character.isDigit(name.charAt(1));
			if (answer || "token".equals(name)) {
				for (String value : parameter.getValue()) {
					fields.add(new Field(name, value));
				}
			}
		}
		return List.copyOf(fields);
	}

	private static int attempt(String value) {
		if (value == null || value.isEmpty() || value.length() > 3) {
			return 0;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!Character.isDigit(value.charAt(i))) {
				return 0;
			}
		}
		return Integer.parseInt(value);
	}

	private String parentOrigin(String token) {
		try {
			return SurveyAnswering.origin(this.tokens.verify(token).pageUrl());
		}
		catch (RuntimeException ex) {
			// an invalid token, or the installation secret unreadable without the
			// database
			return null;
		}
	}

	record Field(String name, String value) {
	}

}

package com.rapport.survey.survey;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What makes a question or a survey's settings acceptable; each refusal names a message
 * key.
 */
final class QuestionRules {

	static final int MAX_PROMPT = 500;

	static final int MAX_LABEL = 100;

	static final int MAX_OPTION = 200;

	static final int MAX_OPTIONS = 20;

	static final int MAX_ORIGINS = 20;

	private QuestionRules() {
	}

	static NewQuestion check(NewQuestion question, List<Question> earlier) {
		if (question.type() == null) {
			throw new SurveyRejectedException("survey.error.type");
		}
		Localized prompt = question.prompt();
		if (prompt.en() == null) {
			throw new SurveyRejectedException("survey.error.promptRequired");
		}
		if (tooLong(prompt, MAX_PROMPT) || tooLong(question.lowLabel(), MAX_LABEL)
				|| tooLong(question.highLabel(), MAX_LABEL)) {
			throw new SurveyRejectedException("survey.error.tooLong");
		}
		boolean choice = question.type() == QuestionType.SINGLE_CHOICE
				|| question.type() == QuestionType.MULTIPLE_CHOICE;
		List<Localized> options = choice ? question.options() : List.of();
		if (choice && (options.size() < 2 || options.size() > MAX_OPTIONS)) {
			throw new SurveyRejectedException("survey.error.options");
		}
		for (Localized option : options) {
			if (option.en() == null || tooLong(option, MAX_OPTION) || hasNewline(option)) {
				throw new SurveyRejectedException("survey.error.options");
			}
		}
		Condition condition = question.condition();
		if (condition != null) {
			Question source = earlier.stream()
				.filter((q) -> q.key().equals(condition.questionKey()))
				.findFirst()
				.orElseThrow(() -> new SurveyRejectedException("survey.error.condition"));
			if (!source.type().isScale() || condition.operator() == null || condition.value() < source.type().min()
					|| condition.value() > source.type().max()) {
				throw new SurveyRejectedException("survey.error.condition");
			}
		}
		boolean scale = question.type().isScale();
		return new NewQuestion(question.type(), question.required(), prompt,
				scale ? question.lowLabel() : Localized.NONE, scale ? question.highLabel() : Localized.NONE, options,
				question.type() == QuestionType.MULTIPLE_CHOICE && question.allowOther(), condition);
	}

	static SurveySettings check(SurveySettings settings) {
		if (settings.samplingPercent() < 0 || settings.samplingPercent() > 100) {
			throw new SurveyRejectedException("survey.error.sampling");
		}
		if (settings.startsAt() != null && settings.endsAt() != null
				&& !settings.endsAt().isAfter(settings.startsAt())) {
			throw new SurveyRejectedException("survey.error.dates");
		}
		if (notPositive(settings.maxResponses()) || notPositive(settings.recontactDays())
				|| notPositive(settings.retentionDays()) || notPositive(settings.triggerDays())) {
			throw new SurveyRejectedException("survey.error.number");
		}
		if (settings.trigger() == TriggerKind.MEMBERSHIP_DAYS && settings.triggerDays() == null) {
			throw new SurveyRejectedException("survey.error.triggerDays");
		}
		if (settings.allowedOrigins().size() > MAX_ORIGINS) {
			throw new SurveyRejectedException("survey.error.origin");
		}
		List<String> origins = settings.allowedOrigins().stream().map(QuestionRules::origin).distinct().toList();
		if (tooLong(settings.thankYou(), MAX_PROMPT)) {
			throw new SurveyRejectedException("survey.error.tooLong");
		}
		if (settings.thankYouLink() != null && !isWebUrl(settings.thankYouLink())) {
			throw new SurveyRejectedException("survey.error.link");
		}
		if (settings.webhookUrl() != null && !isWebUrl(settings.webhookUrl())) {
			throw new SurveyRejectedException("survey.error.webhook");
		}
		if (settings.webhookSecret() != null && settings.webhookSecret().length() > 100) {
			throw new SurveyRejectedException("survey.error.tooLong");
		}
		return new SurveySettings(settings.displayMode(), origins, settings.thankYou(), settings.thankYouLink(),
				settings.samplingPercent(), settings.startsAt(), settings.endsAt(), settings.maxResponses(),
				settings.oncePerRespondent(), settings.priority(), settings.recontactDays(), settings.retentionDays(),
				settings.trigger(), (settings.trigger() != null) ? settings.triggerDays() : null, settings.webhookUrl(),
				settings.webhookSecret());
	}

	/**
	 * The normal form of a website origin ("https://shop.example" or
	 * "http://localhost:8080"): scheme and host in lower case, no path.
	 * @param text what staff typed
	 * @return the origin
	 */
	static String origin(String text) {
		try {
			URI uri = new URI(text.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
			if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || !noPath
					|| uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
				throw new SurveyRejectedException("survey.error.origin");
			}
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
					+ ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
		}
		catch (java.net.URISyntaxException ex) {
			throw new SurveyRejectedException("survey.error.origin");
		}
	}

	static boolean isWebUrl(String text) {
		if (text.length() > 500) {
			return false;
		}
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return ("https".equals(scheme) || "http".equals(scheme)) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static boolean notPositive(Integer number) {
		return number != null && number <= 0;
	}

	private static boolean tooLong(Localized text, int max) {
		return length(text.en()) > max || length(text.zh()) > max || length(text.ru()) > max;
	}

	private static boolean hasNewline(Localized text) {
		return contains(text.en()) || contains(text.zh()) || contains(text.ru());
	}

	private static boolean contains(String text) {
		return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0);
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

}

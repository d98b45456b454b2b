package com.rapport.survey.survey;

import java.time.Instant;
import java.util.List;

/**
 * How, where and how often a survey is shown, and what happens after an answer.
 *
 * @param displayMode inline or pop-over when embedded
 * @param allowedOrigins the websites (scheme://host[:port]) that may embed it
 * @param thankYou the thank-you text (empty: a default text)
 * @param thankYouLink an optional link on the thank-you screen
 * @param samplingPercent the share of eligible respondents asked, 0 to 100
 * @param startsAt no answers before, or null
 * @param endsAt no answers after, or null
 * @param maxResponses stops taking answers after this many completed ones, or null
 * @param oncePerRespondent a respondent answers it at most once
 * @param priority the higher one wins when several surveys are eligible
 * @param recontactDays after answering or dismissing this survey, it is not shown again
 * for this many days (null: the global wait only)
 * @param retentionDays responses older than this are deleted, or null to keep them
 * @param trigger a forum moment that asks members, or null
 * @param triggerDays for {@link TriggerKind#MEMBERSHIP_DAYS}: after how many days
 * @param webhookUrl where completed responses are POSTed, or null
 * @param webhookSecret the HMAC key of the webhook's signature, or null
 */
public record SurveySettings(DisplayMode displayMode, List<String> allowedOrigins, Localized thankYou,
		String thankYouLink, int samplingPercent, Instant startsAt, Instant endsAt, Integer maxResponses,
		boolean oncePerRespondent, int priority, Integer recontactDays, Integer retentionDays, TriggerKind trigger,
		Integer triggerDays, String webhookUrl, String webhookSecret) {

	/** What a new survey starts with. */
	public static final SurveySettings DEFAULTS = new SurveySettings(DisplayMode.INLINE, List.of(), Localized.NONE,
			null, 100, null, null, null, true, 0, null, null, null, null, null, null);

	public SurveySettings {
		allowedOrigins = List.copyOf(allowedOrigins);
		thankYou = (thankYou != null) ? thankYou : Localized.NONE;
	}

}

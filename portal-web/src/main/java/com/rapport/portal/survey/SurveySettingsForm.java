package com.rapport.portal.survey;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.rapport.survey.survey.DisplayMode;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveySettings;
import com.rapport.survey.survey.TriggerKind;

/**
 * Staff's form for a survey's name and settings. Fields are text so that any input comes
 * back to the form; {@link #toSettings()} refuses what does not parse.
 */
public class SurveySettingsForm {

	private String name;

	private String displayMode = "INLINE";

	private String allowedOrigins;

	private String thankYouEn;

	private String thankYouZh;

	private String thankYouRu;

	private String thankYouLink;

	private String samplingPercent = "100";

	private String startsOn;

	private String endsOn;

	private String maxResponses;

	private boolean oncePerRespondent = true;

	private String priority = "0";

	private String recontactDays;

	private String retentionDays;

	private String trigger;

	private String triggerDays;

	private String webhookUrl;

	private String webhookSecret;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDisplayMode() {
		return this.displayMode;
	}

	public void setDisplayMode(String displayMode) {
		this.displayMode = displayMode;
	}

	public String getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(String allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public String getThankYouEn() {
		return this.thankYouEn;
	}

	public void setThankYouEn(String thankYouEn) {
		this.thankYouEn = thankYouEn;
	}

	public String getThankYouZh() {
		return this.thankYouZh;
	}

	public void setThankYouZh(String thankYouZh) {
		this.thankYouZh = thankYouZh;
	}

	public String getThankYouRu() {
		return this.thankYouRu;
	}

	public void setThankYouRu(String thankYouRu) {
		this.thankYouRu = thankYouRu;
	}

	public String getThankYouLink() {
		return this.thankYouLink;
	}

	public void setThankYouLink(String thankYouLink) {
		this.thankYouLink = thankYouLink;
	}

	public String getSamplingPercent() {
		return this.samplingPercent;
	}

	public void setSamplingPercent(String samplingPercent) {
		this.samplingPercent = samplingPercent;
	}

	public String getStartsOn() {
		return this.startsOn;
	}

	public void setStartsOn(String startsOn) {
		this.startsOn = startsOn;
	}

	public String getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(String endsOn) {
		this.endsOn = endsOn;
	}

	public String getMaxResponses() {
		return this.maxResponses;
	}

	public void setMaxResponses(String maxResponses) {
		this.maxResponses = maxResponses;
	}

	public boolean isOncePerRespondent() {
		return this.oncePerRespondent;
	}

	public void setOncePerRespondent(boolean oncePerRespondent) {
		this.oncePerRespondent = oncePerRespondent;
	}

	public String getPriority() {
		return this.priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public String getRecontactDays() {
		return this.recontactDays;
	}

	public void setRecontactDays(String recontactDays) {
		this.recontactDays = recontactDays;
	}

	public String getRetentionDays() {
		return this.retentionDays;
	}

	public void setRetentionDays(String retentionDays) {
		this.retentionDays = retentionDays;
	}

	public String getTrigger() {
		return this.trigger;
	}

	public void setTrigger(String trigger) {
		this.trigger = trigger;
	}

	public String getTriggerDays() {
		return this.triggerDays;
	}

	public void setTriggerDays(String triggerDays) {
		this.triggerDays = triggerDays;
	}

	public String getWebhookUrl() {
		return this.webhookUrl;
	}

	public void setWebhookUrl(String webhookUrl) {
		this.webhookUrl = webhookUrl;
	}

	public String getWebhookSecret() {
		return this.webhookSecret;
	}

	public void setWebhookSecret(String webhookSecret) {
		this.webhookSecret = webhookSecret;
	}

	static SurveySettingsForm of(Survey survey) {
		SurveySettings s = survey.settings();
		SurveySettingsForm form = new SurveySettingsForm();
		form.name = survey.name();
		form.displayMode = s.displayMode().name();
		form.allowedOrigins = String.join("\n", s.allowedOrigins());
		form.thankYouEn = s.thankYou().en();
		form.thankYouZh = s.thankYou().zh();
		form.thankYouRu = s.thankYou().ru();
		form.thankYouLink = s.thankYouLink();
		form.samplingPercent = Integer.toString(s.samplingPercent());
		form.startsOn = (s.startsAt() != null) ? s.startsAt().atOffset(ZoneOffset.UTC).toLocalDate().toString() : null;
		form.endsOn = (s.endsAt() != null) ? s.endsAt().atOffset(ZoneOffset.UTC).toLocalDate().toString() : null;
		form.maxResponses = text(s.maxResponses());
		form.oncePerRespondent = s.oncePerRespondent();
		form.priority = Integer.toString(s.priority());
		form.recontactDays = text(s.recontactDays());
		form.retentionDays = text(s.retentionDays());
		form.trigger = (s.trigger() != null) ? s.trigger().name() : null;
		form.triggerDays = text(s.triggerDays());
		form.webhookUrl = s.webhookUrl();
		form.webhookSecret = s.webhookSecret();
		return form;
	}

	SurveySettings toSettings() {
		List<String> origins = (this.allowedOrigins == null) ? List.of()
				: Arrays.stream(this.allowedOrigins.split("[\\s,]+")).filter((o) -> !o.isEmpty()).toList();
		DisplayMode mode;
		TriggerKind kind;
		try {
			mode = DisplayMode.valueOf(String.valueOf(this.displayMode));
			kind = (this.trigger == null || this.trigger.isEmpty()) ? null : TriggerKind.valueOf(this.trigger);
		}
		catch (IllegalArgumentException ex) {
			throw new SurveyRejectedException("survey.error.number");
		}
		Integer sampling = number(this.samplingPercent);
		Integer order = number(this.priority);
		return new SurveySettings(mode, origins, new Localized(this.thankYouEn, this.thankYouZh, this.thankYouRu),
				blank(this.thankYouLink), (sampling != null) ? sampling : 100, date(this.startsOn), date(this.endsOn),
				number(this.maxResponses), this.oncePerRespondent, (order != null) ? order : 0,
				number(this.recontactDays), number(this.retentionDays), kind, number(this.triggerDays),
				blank(this.webhookUrl), blank(this.webhookSecret));
	}

	private static String text(Integer number) {
		return (number != null) ? number.toString() : null;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static Integer number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new SurveyRejectedException("survey.error.number");
		}
	}

	private static java.time.Instant date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new SurveyRejectedException("survey.error.dates");
		}
	}

}

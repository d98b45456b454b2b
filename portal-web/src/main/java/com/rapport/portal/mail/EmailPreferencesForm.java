package com.rapport.portal.mail;

import jakarta.validation.constraints.NotNull;

/**
 * The member's choices on the email settings page.
 */
class EmailPreferencesForm {

	private boolean personal;

	private boolean replies;

	private boolean watched;

	private boolean welcome;

	@NotNull(message = "{validation.required}")
	private MailPreferences.Frequency frequency = MailPreferences.Frequency.IMMEDIATE;

	static EmailPreferencesForm of(MailPreferences.Preferences preferences) {
		EmailPreferencesForm form = new EmailPreferencesForm();
		form.personal = preferences.personal();
		form.replies = preferences.replies();
		form.watched = preferences.watched();
		form.welcome = preferences.welcome();
		form.frequency = preferences.frequency();
		return form;
	}

	MailPreferences.Preferences toPreferences() {
		return new MailPreferences.Preferences(this.personal, this.replies, this.watched, this.welcome, this.frequency);
	}

	public boolean isPersonal() {
		return this.personal;
	}

	public void setPersonal(boolean personal) {
		this.personal = personal;
	}

	public boolean isReplies() {
		return this.replies;
	}

	public void setReplies(boolean replies) {
		this.replies = replies;
	}

	public boolean isWatched() {
		return this.watched;
	}

	public void setWatched(boolean watched) {
		this.watched = watched;
	}

	public boolean isWelcome() {
		return this.welcome;
	}

	public void setWelcome(boolean welcome) {
		this.welcome = welcome;
	}

	public MailPreferences.Frequency getFrequency() {
		return this.frequency;
	}

	public void setFrequency(MailPreferences.Frequency frequency) {
		this.frequency = frequency;
	}

}

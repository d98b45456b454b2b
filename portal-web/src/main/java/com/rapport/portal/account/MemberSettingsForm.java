package com.rapport.portal.account;

import jakarta.validation.constraints.NotNull;

/**
 * The staff form of the member settings.
 */
class MemberSettingsForm {

	private boolean welcomeSequence;

	private boolean welcomeByMail;

	@NotNull(message = "{validation.required}")
	private MemberSettings.DeletedPosts deletedPosts = MemberSettings.DeletedPosts.KEEP;

	static MemberSettingsForm of(MemberSettings.Settings settings) {
		MemberSettingsForm form = new MemberSettingsForm();
		form.welcomeSequence = settings.welcomeSequence();
		form.welcomeByMail = settings.welcomeByMail();
		form.deletedPosts = settings.deletedPosts();
		return form;
	}

	MemberSettings.Settings toSettings() {
		return new MemberSettings.Settings(this.welcomeSequence, this.welcomeByMail, this.deletedPosts);
	}

	public boolean isWelcomeSequence() {
		return this.welcomeSequence;
	}

	public void setWelcomeSequence(boolean welcomeSequence) {
		this.welcomeSequence = welcomeSequence;
	}

	public boolean isWelcomeByMail() {
		return this.welcomeByMail;
	}

	public void setWelcomeByMail(boolean welcomeByMail) {
		this.welcomeByMail = welcomeByMail;
	}

	public MemberSettings.DeletedPosts getDeletedPosts() {
		return this.deletedPosts;
	}

	public void setDeletedPosts(MemberSettings.DeletedPosts deletedPosts) {
		this.deletedPosts = deletedPosts;
	}

}

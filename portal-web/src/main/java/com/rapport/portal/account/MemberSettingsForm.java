package com.rapport.portal.account;

import jakarta.validation.constraints.NotNull;

/**
 * The staff form of the member settings.
 */
class MemberSettingsForm {

	private boolean welcomeMails;

	@NotNull(message = "{validation.required}")
	private MemberSettings.DeletedPosts deletedPosts = MemberSettings.DeletedPosts.KEEP;

	static MemberSettingsForm of(MemberSettings.Settings settings) {
		MemberSettingsForm form = new MemberSettingsForm();
		form.welcomeMails = settings.welcomeMails();
		form.deletedPosts = settings.deletedPosts();
		return form;
	}

	MemberSettings.Settings toSettings() {
		return new MemberSettings.Settings(this.welcomeMails, this.deletedPosts);
	}

	public boolean isWelcomeMails() {
		return this.welcomeMails;
	}

	public void setWelcomeMails(boolean welcomeMails) {
		this.welcomeMails = welcomeMails;
	}

	public MemberSettings.DeletedPosts getDeletedPosts() {
		return this.deletedPosts;
	}

	public void setDeletedPosts(MemberSettings.DeletedPosts deletedPosts) {
		this.deletedPosts = deletedPosts;
	}

}

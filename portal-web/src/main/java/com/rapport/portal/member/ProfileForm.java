package com.rapport.portal.member;

import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.Size;

/**
 * What a member can change about their profile.
 */
class ProfileForm {

	@CleanText
	@Size(max = 60, message = "{validation.tooLong}")
	private String displayName;

	@CleanText
	@Size(max = 2000, message = "{validation.tooLong}")
	private String bio;

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getBio() {
		return this.bio;
	}

	public void setBio(String bio) {
		this.bio = bio;
	}

}

package com.rapport.portal.account;

import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;

/**
 * A new password chosen through a mailed reset link.
 */
class PasswordResetForm {

	private String token;

	@NotBlank(message = "{validation.required}")
	@CleanText
	private String password;

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}

package com.rapport.portal.account;

import jakarta.validation.constraints.NotBlank;

/**
 * Deleting one's account: the password again, so a borrowed session cannot do it.
 */
class DeleteAccountForm {

	@NotBlank(message = "{validation.required}")
	private String password;

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}

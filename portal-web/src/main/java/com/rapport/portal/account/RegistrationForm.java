package com.rapport.portal.account;

import com.rapport.community.member.Registration;
import jakarta.validation.constraints.Email;
import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a visitor enters to join.
 */
class RegistrationForm {

	@NotBlank(message = "{validation.required}")
	@Size(min = 3, max = 30, message = "{username.invalid}")
	@Pattern(regexp = "[\\p{L}\\p{N}_]*", message = "{username.invalid}")
	@CleanText
	private String username;

	@NotBlank(message = "{validation.required}")
	@Size(max = 254, message = "{validation.tooLong}")
	@Email(message = "{email.invalid}")
	@CleanText
	private String email;

	@NotBlank(message = "{validation.required}")
	@CleanText
	private String password;

	Registration toRegistration() {
		return new Registration(this.username, this.email, this.password);
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = (username != null) ? username.strip() : null;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = (email != null) ? email.strip() : null;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}

package com.rapport.community.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void acceptsALongPassphrase() {
		assertThat(PasswordPolicy.check("correct horse battery", "anna", "anna@example.com")).isEmpty();
	}

	@Test
	void acceptsPasswordsInAnyScript() {
		assertThat(PasswordPolicy.check("帐篷在雨中很好用的啊", "li", "li@example.com")).isEmpty();
		assertThat(PasswordPolicy.check("палатка-не-протекает", "olga", "olga@example.com")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(PasswordPolicy.check("short1!", "anna", "anna@example.com")).contains("password.tooShort");
	}

	@Test
	void refusesPasswordsLongerThanTheHashCanRead() {
		assertThat(PasswordPolicy.check("a".repeat(30) + "b".repeat(40), "anna", "a@example.com"))
			.contains("password.tooLong");
		// 25 Chinese characters are 75 bytes in UTF-8: more than BCrypt reads
		assertThat(PasswordPolicy.check("帐".repeat(12) + "篷".repeat(13), "li", "li@example.com"))
			.contains("password.tooLong");
	}

	@Test
	void refusesCommonAndRepetitivePasswords() {
		assertThat(PasswordPolicy.check("Password123", "anna", "anna@example.com")).contains("password.tooCommon");
		assertThat(PasswordPolicy.check("aaaaaaaaaaaa", "anna", "anna@example.com")).contains("password.tooCommon");
	}

	@Test
	void refusesPasswordsContainingTheUsernameOrEmail() {
		assertThat(PasswordPolicy.check("MyNameIsAnnaBanana", "anna", "x@example.com"))
			.contains("password.containsName");
		assertThat(PasswordPolicy.check("trekking-hiker-2026", "bob", "hiker@example.com"))
			.contains("password.containsName");
	}

}

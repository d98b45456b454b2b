package com.rapport.community.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailCheckTest {

	@Test
	void acceptsOrdinaryAddresses() {
		assertThat(MemberService.looksLikeEmail("anna@example.com")).isTrue();
		assertThat(MemberService.looksLikeEmail("li.wei+forum@mail.example.cn")).isTrue();
		assertThat(MemberService.looksLikeEmail("ольга@пример.рф")).isTrue();
	}

	@Test
	void refusesWhatCannotBeAnAddress() {
		assertThat(MemberService.looksLikeEmail("not-an-email")).isFalse();
		assertThat(MemberService.looksLikeEmail("a@b")).isFalse();
		assertThat(MemberService.looksLikeEmail("a@@b.com")).isFalse();
		assertThat(MemberService.looksLikeEmail("a b@example.com")).isFalse();
		assertThat(MemberService.looksLikeEmail("a@example..com")).isFalse();
		assertThat(MemberService.looksLikeEmail("@example.com")).isFalse();
		assertThat(MemberService.looksLikeEmail("x".repeat(65) + "@example.com")).isFalse();
	}

	@Test
	void answersQuicklyOnHostileInput() {
		String hostile = "a".repeat(50_000) + "@" + "b.".repeat(50_000);
		assertThat(MemberService.looksLikeEmail(hostile)).isFalse();
	}

}

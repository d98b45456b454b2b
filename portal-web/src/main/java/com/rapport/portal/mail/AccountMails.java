package com.rapport.portal.mail;

import java.util.Locale;

import com.rapport.community.member.MemberEvents.MemberRegistered;
import com.rapport.community.member.MemberEvents.PasswordResetRequested;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the mails that accounts need (confirm your address, reset your password) in the
 * reader's language, with links to this portal.
 */
@Component
class AccountMails {

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	AccountMails(MailOutbox outbox, MessageSource messages, @Value("${rapport.base-url:}") String baseUrl) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	@EventListener
	void on(MemberRegistered event) {
		String link = link("/verify").queryParam("token", event.verificationToken()).toUriString();
		Locale locale = LocaleContextHolder.getLocale();
		this.outbox.enqueue(event.email(), this.messages.getMessage("mail.verify.subject", null, locale),
				this.messages.getMessage("mail.verify.body", new Object[] { event.username(), link }, locale));
	}

	@EventListener
	void on(PasswordResetRequested event) {
		String link = link("/password/reset/confirm").queryParam("token", event.resetToken()).toUriString();
		Locale locale = LocaleContextHolder.getLocale();
		this.outbox.enqueue(event.email(), this.messages.getMessage("mail.reset.subject", null, locale),
				this.messages.getMessage("mail.reset.body", new Object[] { event.username(), link }, locale));
	}

	private UriComponentsBuilder link(String path) {
		if (!this.baseUrl.isBlank() || RequestContextHolder.getRequestAttributes() == null) {
			String base = this.baseUrl.isBlank() ? "http://localhost:8080" : this.baseUrl;
			return UriComponentsBuilder.fromUriString(base).path(path);
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path);
	}

}

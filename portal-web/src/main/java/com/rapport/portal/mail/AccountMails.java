package com.rapport.portal.mail;

import java.util.Locale;

import com.rapport.community.member.MemberEvents.MemberRegistered;
import com.rapport.community.member.MemberEvents.PasswordResetRequested;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the mails that accounts need (confirm your address, reset your password) in the
 * reader's language, with links to this portal.
 */
@Component
class AccountMails {

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final PortalLinks links;

	AccountMails(MailOutbox outbox, MessageSource messages, PortalLinks links) {
		this.outbox = outbox;
		this.messages = messages;
		this.links = links;
	}

	@EventListener
	void on(MemberRegistered event) {
		String link = this.links.link("/verify").queryParam("token", event.verificationToken()).toUriString();
		Locale locale = LocaleContextHolder.getLocale();
		this.outbox.enqueue(event.email(), this.messages.getMessage("mail.verify.subject", null, locale),
				this.messages.getMessage("mail.verify.body", new Object[] { event.username(), link }, locale));
	}

	@EventListener
	void on(PasswordResetRequested event) {
		String link = this.links.link("/password/reset/confirm").queryParam("token", event.resetToken()).toUriString();
		Locale locale = LocaleContextHolder.getLocale();
		this.outbox.enqueue(event.email(), this.messages.getMessage("mail.reset.subject", null, locale),
				this.messages.getMessage("mail.reset.body", new Object[] { event.username(), link }, locale));
	}

}

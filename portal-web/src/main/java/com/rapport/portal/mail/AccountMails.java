package com.rapport.portal.mail;

import java.util.Locale;

import com.rapport.community.member.MemberEvents.MemberRegistered;
import com.rapport.community.member.MemberEvents.PasswordResetRequested;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	AccountMails(MailOutbox outbox, MessageSource messages, PortalLinks links, JdbcClient jdbc) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.messages = messages;
		this.links = links;
	}

	@EventListener
	void on(MemberRegistered event) {
		String link = this.links.link("/verify").queryParam("token", event.verificationToken()).toUriString();
		Locale locale = LocaleContextHolder.getLocale();
		// later mails (welcome, notifications) are written in the language of sign-up
		// until the member uses the portal in another
		this.jdbc.sql("UPDATE member SET locale = ? WHERE id = ? AND locale IS NULL")
			.params(MemberLocale.tagOf(locale), event.memberId())
			.update();
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

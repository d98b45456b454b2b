package com.rapport.portal.followup;

import java.util.Locale;

import com.rapport.community.followup.FollowUp;
import com.rapport.community.followup.FollowUps;
import com.rapport.community.member.Viewer;
import com.rapport.portal.mail.MailOutbox;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails a customer from a follow-up: the follow-up records it and the mail is queued in
 * the same transaction, with a signed link through which the customer answers.
 */
@Service
class FollowUpMails {

	private final FollowUps followUps;

	private final MailOutbox outbox;

	private final ReplyLinks replyLinks;

	private final MessageSource messages;

	FollowUpMails(FollowUps followUps, MailOutbox outbox, ReplyLinks replyLinks, MessageSource messages) {
		this.followUps = followUps;
		this.outbox = outbox;
		this.replyLinks = replyLinks;
		this.messages = messages;
	}

	@Transactional
	void send(Viewer viewer, long followUpId, String body, String brandName, Locale locale) {
		FollowUp followUp = this.followUps.recordEmail(viewer, followUpId, body);
		String link = this.replyLinks.linkFor(followUpId);
		this.outbox.enqueue(followUp.contactEmail(),
				this.messages.getMessage("followup.mail.subject", new Object[] { brandName }, locale),
				this.messages.getMessage("followup.mail.body", new Object[] { body.strip(), link, brandName }, locale));
	}

}

package com.rapport.portal.mail;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rapport.community.notification.NotificationKind;
import com.rapport.portal.brand.BrandSettings;
import com.rapport.portal.engage.MailClicks;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a notification mail in the member's language: one line and link per
 * notification, then where to change the settings and the signed unsubscribe link.
 */
@Component
class NotificationMailWriter {

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final PortalLinks links;

	private final UnsubscribeLinks unsubscribe;

	private final BrandSettings brand;

	private final MailClicks clicks;

	NotificationMailWriter(MailOutbox outbox, MessageSource messages, PortalLinks links, UnsubscribeLinks unsubscribe,
			BrandSettings brand, MailClicks clicks) {
		this.clicks = clicks;
		this.outbox = outbox;
		this.messages = messages;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.brand = brand;
	}

	void queue(Recipient recipient, List<Item> items, boolean digest) {
		Locale locale = MemberLocale.of(recipient.locale());
		String brandName = this.brand.current().name();
		String subject;
		if (digest) {
			subject = text("mail.digest.subject", locale, brandName);
		}
		else if (items.size() == 1) {
			Item item = items.get(0);
			subject = text("mail.notify.subject." + item.kind().name(), locale, actor(item, locale), item.title(),
					brandName);
		}
		else {
			subject = text("mail.notify.subject.many", locale, items.size(), brandName);
		}
		MailScope scope = digest ? MailScope.ALL : commonScope(items);
		String unsubscribeLink = this.unsubscribe.link(recipient.id(), scope);
		// every link to a notification is tracked (see MailClicks): one id per mail
		String channel = digest ? MailClicks.DIGEST : MailClicks.IMMEDIATE;
		String mailId = this.clicks.newMailId();
		StringBuilder body = new StringBuilder();
		body.append(text("mail.notify.greeting", locale, recipient.username())).append("\n\n");
		for (Item item : items) {
			body.append("- ")
				.append(text("mail.notify.line." + item.kind().name(), locale, actor(item, locale), item.title(),
						item.count()))
				.append("\n  ")
				.append(this.clicks.link(this.links.link(MailClicks.PATH), "/notifications/" + item.id(), channel,
						mailId))
				.append("\n");
		}
		body.append("\n-- \n")
			.append(text("mail.notify.footer", locale, this.links.link("/account/email").toUriString(),
					text("mail.scope." + scope.name(), locale), unsubscribeLink));
		this.outbox.enqueue(recipient.email(), subject, body.toString(), unsubscribeLink);
		this.clicks.sent(channel);
	}

	private static MailScope commonScope(List<Item> items) {
		MailScope common = null;
		for (Item item : items) {
			MailScope scope = MailScope.of(item.kind()).orElse(MailScope.ALL);
			if (common != null && common != scope) {
				return MailScope.ALL;
			}
			common = scope;
		}
		return (common != null) ? common : MailScope.ALL;
	}

	private String actor(Item item, Locale locale) {
		return (item.actor() != null) ? item.actor() : text("mail.notify.someone", locale);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * Whom a notification mail goes to, and what they want mailed.
	 *
	 * @param id the member
	 * @param username their username
	 * @param email their address
	 * @param locale their language tag, or null
	 * @param personal mentions, messages, accepted answers
	 * @param replies replies
	 * @param watched watched topics and categories
	 */
	record Recipient(long id, String username, String email, String locale, boolean personal, boolean replies,
			boolean watched) {

		Set<NotificationKind> wantedKinds() {
			Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
			if (this.personal) {
				kinds.addAll(MailScope.PERSONAL.kinds());
			}
			if (this.replies) {
				kinds.addAll(MailScope.REPLIES.kinds());
			}
			if (this.watched) {
				kinds.addAll(MailScope.WATCHED.kinds());
			}
			return kinds;
		}

	}

	/**
	 * One notification in a mail.
	 *
	 * @param id the notification (its link marks it read)
	 * @param kind why
	 * @param actor who, or null
	 * @param title the topic or conversation
	 * @param count how many posts it gathers
	 */
	record Item(long id, NotificationKind kind, String actor, String title, int count) {
	}

}

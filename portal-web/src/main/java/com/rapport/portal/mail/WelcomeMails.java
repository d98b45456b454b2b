package com.rapport.portal.mail;

import java.util.Locale;
import java.util.Optional;

import com.rapport.community.topic.PopularTopics;
import com.rapport.portal.brand.BrandSettings;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail copies of the welcome sequence (see {@code com.rapport.portal.welcome}): in
 * the member's language, only to a member who keeps welcome mail on (an email setting,
 * and a one-click unsubscribe link in each of these mails), with a verified address.
 */
@Component
public class WelcomeMails {

	/** How many popular topics the day-3 mail lists. */
	public static final int POPULAR = 5;

	private final JdbcClient jdbc;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final PortalLinks links;

	private final UnsubscribeLinks unsubscribe;

	private final BrandSettings brand;

	private final PopularTopics popularTopics;

	WelcomeMails(JdbcClient jdbc, MailOutbox outbox, MessageSource messages, PortalLinks links,
			UnsubscribeLinks unsubscribe, BrandSettings brand, PopularTopics popularTopics) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.messages = messages;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.brand = brand;
		this.popularTopics = popularTopics;
	}

	/**
	 * Queues the mail of one step in the caller's transaction (the one that claimed the
	 * step), when the member wants welcome mail.
	 * @param memberId the member
	 * @param step 0 (day 1, how the community works), 1 (day 3, popular topics) or 2 (day
	 * 7, ask or answer)
	 * @return whether a mail was queued
	 */
	public boolean queue(long memberId, int step) {
		Optional<String[]> member = this.jdbc
			.sql("SELECT username, email, locale FROM member WHERE id = ? AND deleted_at IS NULL AND email_welcome "
					+ "AND email_verified_at IS NOT NULL")
			.param(memberId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional();
		if (member.isEmpty()) {
			return false;
		}
		Locale locale = MemberLocale.of(member.get()[2]);
		String brandName = this.brand.current().name();
		String unsubscribeLink = this.unsubscribe.link(memberId, MailScope.WELCOME);
		String prefix = "mail.welcome." + step;
		String body = this.messages.getMessage(prefix + ".body",
				new Object[] { member.get()[0], brandName, this.links.link("/latest").toUriString(),
						this.links.link("/new-topic").toUriString(), this.links.link("/account/profile").toUriString(),
						(step == 1) ? popularTopics(memberId, locale) : "" },
				locale) + "\n\n-- \n"
				+ this.messages.getMessage("mail.welcome.footer",
						new Object[] { this.links.link("/account/email").toUriString(), unsubscribeLink }, locale);
		this.outbox.enqueue(member.get()[1],
				this.messages.getMessage(prefix + ".subject", new Object[] { brandName }, locale), body,
				unsubscribeLink);
		return true;
	}

	private String popularTopics(long memberId, Locale locale) {
		StringBuilder list = new StringBuilder();
		for (PopularTopics.PopularTopic topic : this.popularTopics.forMember(memberId, POPULAR).topics()) {
			list.append("- ")
				.append(topic.title())
				.append("\n  ")
				.append(this.links.link("/t/{slug}/{id}")
					.buildAndExpand(topic.ref().slug(), topic.ref().id())
					.encode()
					.toUriString())
				.append('\n');
		}
		return list.isEmpty() ? this.messages.getMessage("mail.welcome.1.none", null, locale) + "\n" : list.toString();
	}

}

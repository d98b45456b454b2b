package com.rapport.portal.mail;

import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links: {@code /email/unsubscribe?t=<member>.<scope>.<HMAC-SHA256>},
 * signed by {@link MailSigning} (a random secret kept in the database, shared by every
 * node). The member id and the scope are covered by the signature, so a link cannot be
 * changed to unsubscribe someone else or from something else.
 */
@Component
class UnsubscribeLinks {

	/**
	 * What the signature signs besides the id and scope, so it is never reused for
	 * another purpose.
	 */
	private static final String PURPOSE = "rapport-unsubscribe:";

	private final MailSigning signing;

	private final PortalLinks links;

	UnsubscribeLinks(MailSigning signing, PortalLinks links) {
		this.signing = signing;
		this.links = links;
	}

	/**
	 * The absolute unsubscribe link of a member and scope.
	 * @param memberId who
	 * @param scope what they stop receiving
	 * @return the URL
	 */
	String link(long memberId, MailScope scope) {
		return this.links.link("/email/unsubscribe").queryParam("t", token(memberId, scope)).toUriString();
	}

	String token(long memberId, MailScope scope) {
		String payload = memberId + "." + scope.name().toLowerCase(java.util.Locale.ROOT);
		return payload + "." + this.signing.sign(PURPOSE, payload);
	}

	/**
	 * Reads a token, checking its signature.
	 * @param token the {@code t} parameter
	 * @return the member and scope, or empty when it is malformed or was altered
	 */
	Optional<Unsubscribe> verify(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		int last = token.lastIndexOf('.');
		int first = token.indexOf('.');
		if (first < 1 || last <= first) {
			return Optional.empty();
		}
		String payload = token.substring(0, last);
		if (!this.signing.verify(PURPOSE, payload, token.substring(last + 1))) {
			return Optional.empty();
		}
		long memberId;
		try {
			memberId = Long.parseLong(token.substring(0, first));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return MailScope.parse(token.substring(first + 1, last)).map((scope) -> new Unsubscribe(memberId, scope));
	}

	/**
	 * What a valid link asks for.
	 *
	 * @param memberId who
	 * @param scope which mail they no longer want
	 */
	record Unsubscribe(long memberId, MailScope scope) {
	}

}

package com.rapport.portal.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import com.rapport.portal.mail.PortalLinks;
import com.rapport.survey.response.SurveySecrets;

import org.springframework.stereotype.Component;

/**
 * The signed link in a follow-up email through which a customer without an account
 * answers: it names the follow-up and the last day it is valid (30 days after the email),
 * and only the portal can sign it.
 */
@Component
class ReplyLinks {

	static final int VALID_DAYS = 30;

	private final SurveySecrets secrets;

	private final PortalLinks links;

	private final Clock clock;

	ReplyLinks(SurveySecrets secrets, PortalLinks links, Clock clock) {
		this.secrets = secrets;
		this.links = links;
		this.clock = clock;
	}

	String linkFor(long followUpId) {
		long until = today() + VALID_DAYS;
		return this.links.link("/follow-up/reply")
			.queryParam("f", followUpId)
			.queryParam("e", until)
			.queryParam("s", this.secrets.sign(data(followUpId, until)))
			.toUriString();
	}

	/**
	 * The follow-up a link names, when its signature is right and it has not expired.
	 */
	OptionalLong verify(Long followUpId, Long until, String signature) {
		if (followUpId == null || until == null || signature == null || signature.length() > 100 || until < today()) {
			return OptionalLong.empty();
		}
		return this.secrets.verify(data(followUpId, until), signature) ? OptionalLong.of(followUpId)
				: OptionalLong.empty();
	}

	private long today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toEpochDay();
	}

	private static String data(long followUpId, long until) {
		return "follow-up-reply:" + followUpId + ":" + until;
	}

}

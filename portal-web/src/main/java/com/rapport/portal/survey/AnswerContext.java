package com.rapport.portal.survey;

import java.util.Map;
import java.util.Set;

import com.rapport.survey.response.Channel;
import com.rapport.survey.response.Device;

/**
 * Everything an answering page was shown with, carried in its signed form token so the
 * answers need no session and no cookie.
 *
 * @param surveyId the survey
 * @param version the version shown
 * @param publicId the response id
 * @param respondentHash the hashed respondent id
 * @param channel where it is answered
 * @param pageUrl the embedding page (validated), or null
 * @param locale the language shown
 * @param device the device class
 * @param hidden the host page's fields
 * @param linkId the personal link, or null
 * @param passed keys of the questions shown in earlier steps
 * @param issuedAt when the page was made, in epoch milliseconds
 */
record AnswerContext(long surveyId, int version, String publicId, String respondentHash, Channel channel,
		String pageUrl, String locale, Device device, Map<String, String> hidden, Long linkId, Set<String> passed,
		long issuedAt) {

	AnswerContext {
		hidden = Map.copyOf(hidden);
		passed = Set.copyOf(passed);
	}

	AnswerContext next(Set<String> nowPassed, long now) {
		return new AnswerContext(this.surveyId, this.version, this.publicId, this.respondentHash, this.channel,
				this.pageUrl, this.locale, this.device, this.hidden, this.linkId, nowPassed, now);
	}

}

package com.rapport.survey.response;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers sent for one step of a survey (or one answer saved as it is given).
 *
 * @param surveyId the survey
 * @param version the version shown to the respondent
 * @param publicId the response id the page carries (a UUID)
 * @param respondentHash the respondent's hashed id
 * @param channel where it is answered
 * @param pageUrl the embedding page's URL (already validated), or null
 * @param locale the language shown (en, zh-CN, ru)
 * @param device the device class
 * @param hiddenFields the host page's fields (e.g. plan=pro)
 * @param personalLinkId the single-use link answered, or null
 * @param passed keys of the questions shown in earlier steps
 * @param answers the raw values per question id (one for a rating, a choice or a text,
 * any number for a multiple choice, "other" for its other choice)
 * @param otherTexts the "Other" texts per multiple choice question id
 * @param partial true to save the answers without finishing the step (the page saves each
 * answer as it is given)
 * @param address the network address it came from (rate limit only, not stored)
 */
public record Submission(long surveyId, int version, String publicId, String respondentHash, Channel channel,
		String pageUrl, String locale, Device device, Map<String, String> hiddenFields, Long personalLinkId,
		Set<String> passed, Map<Long, List<String>> answers, Map<Long, String> otherTexts, boolean partial,
		String address) {

	public Submission {
		hiddenFields = Map.copyOf(hiddenFields);
		passed = Set.copyOf(passed);
		answers = Map.copyOf(answers);
		otherTexts = Map.copyOf(otherTexts);
	}

}

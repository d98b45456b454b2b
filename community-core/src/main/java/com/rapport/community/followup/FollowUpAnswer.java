package com.rapport.community.followup;

/**
 * One answer of the response that opened a follow-up.
 *
 * @param prompt the question, in the language asked for
 * @param questionType the question's type (NPS, CES, TEXT…)
 * @param number the number given on a scale, or null
 * @param choices the choices picked, or null
 * @param text the text written, or null
 */
public record FollowUpAnswer(String prompt, String questionType, Integer number, String choices, String text) {
}

package com.rapport.survey.survey;

/**
 * A question to add to a survey.
 *
 * @param type what kind of answer it takes
 * @param required whether it must be answered
 * @param promptEn the prompt in English
 * @param promptZh the prompt in Simplified Chinese, or null
 * @param promptRu the prompt in Russian, or null
 */
public record NewQuestion(QuestionType type, boolean required, String promptEn, String promptZh, String promptRu) {
}

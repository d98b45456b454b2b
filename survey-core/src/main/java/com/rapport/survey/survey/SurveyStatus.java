package com.rapport.survey.survey;

/**
 * Where a survey is in its life: a draft is edited and previewed, a published survey
 * takes answers, a closed one no longer does, an archived one is out of the way.
 */
public enum SurveyStatus {

	DRAFT, PUBLISHED, CLOSED, ARCHIVED

}

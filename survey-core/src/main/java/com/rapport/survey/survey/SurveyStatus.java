package com.rapport.survey.survey;

/**
 * Where a survey is in its life.
 */
public enum SurveyStatus {

	DRAFT, PUBLISHED, CLOSED, ARCHIVED

}

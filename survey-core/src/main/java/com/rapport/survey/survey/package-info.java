/**
 * Surveys and their questions, in versions that never change once answered.
 */
package com.rapport.survey.survey;

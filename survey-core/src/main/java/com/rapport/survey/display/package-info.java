/**
 * Display rules: whether a respondent is asked a survey now (dates, maximum, sampling,
 * once per respondent, recontact waits), kept on the server across channels.
 */
package com.rapport.survey.display;

/**
 * Survey metrics as pure functions (NPS, CES, CSAT, ratings, choice shares, funnel,
 * period comparison) with one written definition each, so every page computes a score the
 * same way.
 */
package com.rapport.survey.metrics;

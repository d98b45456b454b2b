/**
 * Survey results: the rollup table updated as responses come in (and rebuilt on command),
 * the sentiment of open-text answers, and the read model of the results page.
 */
package com.rapport.survey.results;

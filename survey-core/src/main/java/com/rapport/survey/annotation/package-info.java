/**
 * Events staff mark on the timeline (a release, an outage, a campaign), shown on every
 * trend chart of the staff area.
 */
package com.rapport.survey.annotation;

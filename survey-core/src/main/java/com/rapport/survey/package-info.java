/**
 * What customers feel: surveys, display rules, responses, metrics, sentiment and
 * follow-ups. Knows nothing of the forums; they feed it through its triggers.
 */
package com.rapport.survey;

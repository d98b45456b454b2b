/**
 * Surveys on the web: the public and personal links, the embed script and frame, and the
 * staff's survey builder with its exports.
 */
package com.rapport.portal.survey;

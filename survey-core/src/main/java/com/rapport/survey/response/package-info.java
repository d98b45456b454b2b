/**
 * Responses: answers saved as they are given, submitted once, exported, deleted on
 * request or after the retention period, and forwarded to a survey's webhook.
 */
package com.rapport.survey.response;

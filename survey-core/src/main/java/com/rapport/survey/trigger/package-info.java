/**
 * Invitations: surveys asked of a member at a moment the forums report (a topic solved, a
 * membership anniversary), within the same display rules as every other channel.
 */
package com.rapport.survey.trigger;

/**
 * The review queue in the browser: flagging posts, the moderators' queue and its
 * decisions, watched words and settings for staff, and members' own moderation matters
 * and appeals.
 */
package com.rapport.portal.mod.review;
